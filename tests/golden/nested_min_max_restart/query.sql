-- min and max of STRUCT, ARRAY and nested values (Spark's Min/Max: Least/Greatest of the
-- kept value and the row's, by the type's interpretedOrdering; NULLs skipped, the first of
-- equal values kept, so {1, -0.0} stays against a later {1, 0.0}), over three batches and a
-- restart on the checkpoint (the kept values come back from the state files), in complete
-- mode ordered by an ARRAY column (DESC: NULL last, the whole array order reversed).
-- Expected output computed by model.py.
CREATE SOURCE e (k STRING, st STRUCT<a: INT, b: DOUBLE>, arr ARRAY<INT>,
                 n STRUCT<p: STRUCT<x: STRING, y: DOUBLE>, l: ARRAY<DOUBLE>>)
WITH (connector = 'files', path = 'data/e', format = 'json', maxFilesPerTrigger = 1);
CREATE SINK out WITH (connector = 'console', truncate = false);

INSERT INTO out
SELECT k, max(st) AS mxs, min(st) AS mns, max(arr) AS mxa, min(arr) AS mna, max(n) AS mxn,
       min(n) AS mnn
FROM e GROUP BY k ORDER BY mxa DESC, k
WITH (name = 'mm', outputMode = 'complete', checkpointLocation = 'chk/mm');
