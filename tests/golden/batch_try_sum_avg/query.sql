-- try_sum and try_avg (Spark 3.5's TrySum, TryAverage) in batch queries.  Rows in file order:
--   x: i 9223372036854775807, 1, 1;  n 2147483647, 2147483647, NULL;  p 1.25, 2.50, NULL
--   y: i -9223372036854775807, -1, -1;  n -2147483648 twice, NULL;  p -0.75, 0.25, 0.25
--   z: all NULL
--   w: i 4, 4;  n 1, 1;  p 1.00, 1.00
-- ts: x Long.MaxValue + 1 overflows: NULL; y -9223372036854775807 - 1 is Long.MinValue, then
--     - 1 overflows: NULL; w 8.  s (sum, wrapping): x -9223372036854775807, y
--     9223372036854775807, w 8.  tsd (DISTINCT, any order): x MaxValue + 1 overflows: NULL;
--     y -9223372036854775807 - 1 = -9223372036854775808; w 4.
-- tn (BIGINT of INT): x 4294967294, y -4294967296, w 2; tan: 2.147483647E9, -2.147483648E9,
--     1.0.  tp (DECIMAL(20,2)): x 3.75, y -0.25, w 2.00; tap (DECIMAL(14,6)): x 1.875000,
--     y -0.25 / 3 = -0.083333 (HALF_UP), w 1.000000; tapd: x 1.875000, y (-0.75 + 0.25) / 2 =
--     -0.250000, w 1.000000.  z: NULL everywhere.
CREATE TABLE t (k STRING, i BIGINT, n INT, p DECIMAL(10, 2))
  WITH (connector = 'files', path = 'data/t', format = 'json');

SELECT k, try_sum(i) AS ts, sum(i) AS s, try_sum(DISTINCT i) AS tsd, try_sum(n) AS tn,
       try_avg(n) AS tan, try_sum(p) AS tp, try_avg(p) AS tap, try_avg(DISTINCT p) AS tapd
FROM t GROUP BY k ORDER BY k;

-- Over the groups' tn (4294967294, -4294967296, NULL, 2; no order overflows): t1 0, t2 0.0,
-- c 4.
SELECT try_sum(tn) AS t1, try_avg(tn) AS t2, count(*) AS c
FROM (SELECT k, try_sum(n) AS tn FROM t GROUP BY k);
