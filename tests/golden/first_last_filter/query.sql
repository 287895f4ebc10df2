-- first/last with a FILTER and without ignoreNulls (Spark's AggregateExpression filter: the
-- rows whose condition is not true are not fed to First/Last, which take a NULL value of a
-- row that passes), over three batches (one file each) and a restart on the checkpoint.
-- Batch 0: a (NULL, n1, true), (1, p, false); b (2, NULL, NULL), (3, q, false)
--   a: fx NULL lx NULL fs n1 ls n1 fxi NULL lxi NULL av p n 1
--   b: all NULL but av q, n 0
-- Batch 1: a (4, r, true); b (NULL, t, true); c (5, u, false)
--   a: fx NULL lx 4 fs n1 ls r fxi 4 lxi 4 av p n 2
--   b: fx NULL lx NULL fs t ls t fxi NULL lxi NULL av q n 1
--   c: all NULL but av u, n 0
-- Batch 2 (after the restart): b (6, v, true); c (NULL, NULL, true), (7, w, NULL)
--   b: fx NULL lx 6 fs t ls v fxi 6 lxi 6 av q n 2
--   c: all NULL but av u, n 1
CREATE SOURCE e (k STRING, x INT, s STRING, c BOOLEAN)
WITH (connector = 'files', path = 'data/e', format = 'json', maxFilesPerTrigger = 1);
CREATE SINK out WITH (connector = 'console', truncate = false);

INSERT INTO out
SELECT k, first(x) FILTER (WHERE c) AS fx, last(x) FILTER (WHERE c) AS lx,
       first_value(s) FILTER (WHERE c) AS fs, last(s, false) FILTER (WHERE c) AS ls,
       first(x, true) FILTER (WHERE c) AS fxi, last_value(x, true) FILTER (WHERE c) AS lxi,
       any_value(s) FILTER (WHERE NOT c) AS av, count(*) FILTER (WHERE c) AS n
FROM e GROUP BY k ORDER BY k
WITH (name = 'filtered', outputMode = 'complete', checkpointLocation = 'chk/filtered');

-- the same aggregate with and without its filter are two aggregates; Spark's generated names
INSERT INTO out
SELECT k, first(s), first(s) FILTER (WHERE c), last(x) FILTER (WHERE x > 2)
FROM e GROUP BY k
WITH (name = 'names', outputMode = 'update', checkpointLocation = 'chk/names');
