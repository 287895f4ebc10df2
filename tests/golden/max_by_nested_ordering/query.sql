-- max_by/min_by ordered by a STRUCT, an ARRAY, an ARRAY of STRUCTs and a BINARY (Spark's
-- interpreted ordering: field by field and element by element, NULL first, the shorter array
-- first, doubles by compareDoubles, bytes unsigned; on equal orderings the later row wins),
-- over three batches and a restart on the checkpoint.  Worked out by hand:
--   st  a: {1,2.0} v1, {2,NULL} v2, {1,-0.0} v4, {1,NaN} v5, {1,0.0} v6:
--          v4 = v6 < v1 < v5 < v2          max 2, 2, 2   min 1, 4, 6 (v6 ties v4, later)
--       b: {NULL,5.0} v10, {-1,NaN} v11, {NULL,1.0} v12, {-1,NaN} v13:
--          v12 < v10 < v11 = v13           max 11, 11, 13   min 10, 12, 12
--   arr a: [1,2] v1, [1,2,0] v2, [1,3] v4, [0,9,9] v5, [1,2,0] v6:
--          v5 < v1 < v2 = v6 < v4          max 2, 4, 4   min 1, 5, 5
--       b: [] v10, [NULL] v11, [NULL,1] v12, [] v13: v10 = v13 < v11 < v12
--                                          max 11, 12, 12   min 10, 10, 13
--   na  a: v5 ({o,..}) < v1 ([1.0]) < v2 = v6 ([1.0,NULL]) < v4 ([1.0,-0.0]): max s é, z, z
--       b: [] < [NULL] < [{NULL,NULL}]: max s ab, '', ''
--   CAST(s AS BINARY) a: b v1, é (C3 A9) v2, z v4, a v5, é v6: min 1, 5, 5
--       b: a v10, ab v11, '' v12, a v13: min 10, 12, 12
--   max_by(st, arr): the st of arr's maximum: a {2, NULL}, {1, -0.0}, {1, -0.0};
--       b {-1, NaN}, {NULL, 1.0}, {NULL, 1.0}
CREATE SOURCE e (k STRING, v INT, st STRUCT<a: INT, b: DOUBLE>, arr ARRAY<INT>, s STRING,
                 na ARRAY<STRUCT<x: STRING, y: ARRAY<DOUBLE>>>)
WITH (connector = 'files', path = 'data/e', format = 'json', maxFilesPerTrigger = 1);
CREATE SINK out WITH (connector = 'console', truncate = false);

INSERT INTO out
SELECT k, max_by(v, st) AS mxs, min_by(v, st) AS mns, max_by(v, arr) AS mxa,
       min_by(v, arr) AS mna, max_by(s, na) AS mxn, min_by(v, CAST(s AS BINARY)) AS mnb,
       max_by(st, arr) AS mxsa
FROM e GROUP BY k ORDER BY k
WITH (name = 'by', outputMode = 'complete', checkpointLocation = 'chk/by');
