-- DISTINCT aggregates in batch queries (Spark's planAggregateWithOneDistinct and
-- RewriteDistinctAggregates): each aggregate sees the distinct tuples of its values per group.
-- DOUBLE sums use values whose sum is exact in any order (Spark adds them in its shuffle's order).
CREATE TABLE t (time TIMESTAMP, k STRING, n INT, x DOUBLE, b BIGINT, m DECIMAL(6, 2), s STRING)
  WITH (connector = 'files', path = 'data/events', format = 'json');

-- one set of values, with the plain aggregates beside it
SELECT k, sum(DISTINCT n), avg(DISTINCT n), count(DISTINCT n), sum(n), count(*)
FROM t GROUP BY k ORDER BY k;

-- several sets, DECIMAL widening as without DISTINCT, several values
SELECT k, sum(DISTINCT b) AS sb, sum(b), avg(DISTINCT m), sum(DISTINCT m), count(DISTINCT s),
       count(DISTINCT n, s), count(DISTINCT s, b) AS sbs
FROM t GROUP BY k ORDER BY k;

-- DOUBLE: NaN is one value, -0.0 is 0.0
SELECT k, count(DISTINCT x), sum(DISTINCT x), avg(DISTINCT x), collect_list(DISTINCT x) AS xs,
       collect_list(x) AS all_x
FROM t WHERE k <> 'b' GROUP BY k ORDER BY k;

-- stddev and variance of the distinct values; the duplicate-agnostic aggregates
SELECT k, stddev(DISTINCT n), variance(DISTINCT n) AS v, var_pop(DISTINCT n) AS vp,
       stddev_pop(DISTINCT n) AS sp, min(DISTINCT n), max(DISTINCT s), first(DISTINCT s) AS f,
       last(DISTINCT n) AS l, collect_set(DISTINCT s) AS cs, approx_count_distinct(DISTINCT n) AS acd
FROM t GROUP BY k ORDER BY k;

-- collect_list(DISTINCT) of groups with one distinct value (Spark's order of several is its
-- shuffle's), its size otherwise
SELECT k, size(collect_list(DISTINCT s)) AS n_s, collect_list(DISTINCT n) AS ns
FROM t WHERE k <> 'a' GROUP BY k ORDER BY k;

-- over all rows, and per window
SELECT count(DISTINCT k) AS keys, sum(DISTINCT n), count(DISTINCT n, k), sum(DISTINCT x) AS sx,
       count(*) FROM t WHERE k <> 'a';
SELECT window.start, count(DISTINCT k) AS keys, sum(DISTINCT n) AS sn, count(n) AS cn
FROM t GROUP BY window(time, '1 hour') ORDER BY start;
