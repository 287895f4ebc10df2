-- DISTINCT in corr, the covariances, percentile, median, mode and the regressions of a batch
-- query: each sees the distinct tuples of its values per group (see test.conf and model.py).
CREATE TABLE t (k STRING, x DOUBLE, y DOUBLE, n INT, s STRING, c BOOLEAN)
  WITH (connector = 'files', path = 'data/t', format = 'json');

-- pairs: a pair with a NULL is skipped, -0.0 is 0.0; with a FILTER, the pairs of its rows
SELECT k, corr(DISTINCT x, y), covar_pop(DISTINCT x, y) AS cp, covar_samp(DISTINCT x, y) AS cs,
       corr(DISTINCT x, y) FILTER (WHERE c) AS cf
FROM t GROUP BY k ORDER BY k
WITH (truncate = false);

-- one value: the percentiles of the distinct values; mode of values that all count once
SELECT k, percentile(DISTINCT n, 0.5) AS pd, percentile(n, 0.5) AS p, median(DISTINCT n),
       percentile(DISTINCT x, 0.25) AS px, mode(DISTINCT n) AS mn, mode(n) AS m,
       mode(DISTINCT s) AS ms, mode(DISTINCT x) AS mx
FROM t GROUP BY k ORDER BY k
WITH (truncate = false);

-- the regressions of (y, x): regr_count counts the distinct pairs, regr_avgx/avgy and
-- regr_sxx/syy take the distinct x (y) of the rows where neither is NULL
SELECT k, regr_count(DISTINCT y, x) AS rc, regr_count(y, x) AS rc_all,
       regr_avgx(DISTINCT y, x) AS ax, regr_avgy(DISTINCT y, x) AS ay,
       regr_sxx(DISTINCT y, x) AS sxx, regr_syy(DISTINCT y, x) AS syy,
       regr_sxy(DISTINCT y, x) AS sxy, regr_slope(DISTINCT y, x) AS slope,
       regr_intercept(DISTINCT y, x) AS icpt, regr_r2(DISTINCT y, x) AS r2
FROM t GROUP BY k ORDER BY k
WITH (truncate = false);

-- over all rows
SELECT regr_count(DISTINCT y, x) AS rc, percentile(DISTINCT n, 0.5) AS pd,
       covar_pop(DISTINCT y, y) AS vy, count(*)
FROM t
WITH (truncate = false);
