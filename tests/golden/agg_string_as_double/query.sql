-- sum, avg, percentile, covar_pop and corr of a STRING: Spark's ImplicitTypeCasts (without ANSI
-- mode) casts it to DOUBLE, NumericType's default type, and a string that is no number is NULL.
-- The column names are the expressions as written (the implicit cast is not shown).
-- Expected, by hand: a: 1.5, NULL, 2.0 (sum 3.5, avg 1.75, percentile 0.5 of [1.5, 2.0] is
-- 1.75, covar_pop(s, s) = var_pop = 0.0625, corr with itself 1.0); b: -0.5, 1000.0, NULL (sum
-- 999.5, avg 499.75, percentile 499.75, covar_pop 250250.0625, corr 1.0); c: no number (NULL,
-- and count(s) still counts the string).
CREATE TABLE t (k STRING, s STRING) WITH (connector = 'files', path = 'data/events', format = 'json');
SELECT k, sum(s), avg(s), percentile(s, 0.5), covar_pop(s, s), corr(s, s), count(s)
FROM t GROUP BY k ORDER BY k;
