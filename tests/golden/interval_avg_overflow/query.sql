-- avg of a year-month interval whose sum leaves an Int fails the query even without ANSI mode
-- (Spark 3.5's Average adds with Add: IntervalMathUtils.addExact, ARITHMETIC_OVERFLOW
-- "integer overflow" with the try_add hint); try_avg and try_sum give NULL (TryAverage's
-- example: 2147483647 months and 1 month).  By hand: a 2147483647 + 1 months, b -2147483648
-- - 1 months overflow; c: 12 - 6 months, ts 0-6, ta 0-3.
CREATE TABLE t (k STRING, m INTERVAL YEAR TO MONTH)
  WITH (connector = 'files', path = 'data/t', format = 'json');
SELECT k, try_avg(m) AS ta, try_sum(m) AS ts FROM t GROUP BY k ORDER BY k WITH (truncate = false);
SELECT k, avg(m) AS a FROM t GROUP BY k ORDER BY k WITH (truncate = false);
