-- DISTINCT aggregates and min/max/max_by of STRUCT and ARRAY values, run on one thread
-- (golden.*) and split into tasks on two threads (golden_split.*: a task a line;
-- golden_split_tasks.*: tasks of 4 KiB, so a task meets a tuple several times): the same
-- output, byte for byte.  DISTINCT values are fed in the order first seen (Spark feeds them
-- in its shuffle's order), so the DOUBLE sums below depend on that order: a task's tuples
-- must reach the query's set in input order.  Expected output computed by model.py.
CREATE TABLE t (k STRING, n INT, x DOUBLE, s STRING, st STRUCT<a: INT, b: STRING>, arr ARRAY<INT>)
  WITH (connector = 'files', path = 'data/t', format = 'json');

-- groups in the order their first row came (no ORDER BY)
SELECT k, count(DISTINCT n) AS cn, sum(DISTINCT n) AS sn, sum(DISTINCT x) AS sx,
       avg(DISTINCT x) AS ax, count(DISTINCT s, n) AS csn, sum(n) AS total, count(*) AS c
FROM t GROUP BY k
WITH (truncate = false);

-- the distinct values in the order first seen; nested min/max (STRUCT field by field, ARRAY
-- element by element, NULL first, the shorter array first), max_by of a STRUCT ordering
SELECT k, collect_list(DISTINCT n) AS small_ns, max(st) AS mx, min(st) AS mn, max(arr) AS mxa,
       min(arr) AS mna, max_by(n, st) AS mb, min_by(s, arr) AS mib
FROM t WHERE n < 6 OR n IS NULL GROUP BY k ORDER BY k
WITH (truncate = false);

-- over all rows
SELECT count(DISTINCT k) AS keys, sum(DISTINCT x) AS sx, count(DISTINCT n, k) AS cnk,
       count(DISTINCT s) AS cs, count(*) AS c
FROM t
WITH (truncate = false);

-- an aggregation over an aggregation, DISTINCT at both levels
SELECT cn, count(DISTINCT k) AS ks, sum(DISTINCT ss) AS sss
FROM (SELECT k, s, count(DISTINCT n) AS cn, sum(DISTINCT x) AS ss FROM t GROUP BY k, s)
GROUP BY cn ORDER BY cn
WITH (truncate = false);
