-- percentile_approx of DECIMAL columns in a batch query (Spark 3.5's ApproximatePercentile:
-- the values as Decimal.toDouble, the result Decimal(double), the text of Double.toString, set
-- to the column's DECIMAL(p, s) by the row writer: HALF_UP, NULL when it does not fit).  Rows:
--   x: a 1.10, -3.25, 2.00;  b 0.12345678901234567890, -1, NULL;  c 9.99999999999999999, 1.5,
--      NULL;  e 12345678901234567891, 5, -99999999999999999999
--   y: a NULL, 0.07;  b NULL, 2.5;  c NULL, 1E-17;  e NULL, 0
-- (exact order statistics here: the value of rank ceil(p * n), the smallest for p <= 1 /
-- accuracy, the largest for p >= 1 - 1 / accuracy.)
-- x: a rank 2 of -3.25 1.1 2.0: 1.10.  b (pb0, pb1, pb) [smallest, largest] of -1.0 and
--    0.12345678901234568 (the double of 0.12345678901234567890): [-1.00000000000000000000,
--    0.12345678901234568000].  c largest: 9.99999999999999999 is the double 10.0, which
--    DECIMAL(18, 17) does not hold: NULL; pcs [rank 1 of 1.5 10.0, largest]:
--    [1.50000000000000000, NULL].  e smallest: -1.0E20, 21 digits: NULL; largest:
--    1.2345678901234567E19 as 12345678901234567000.
-- y: a 0.07; b 2.50000000000000000000 (both); c 1.0E-17 as 0.00000000000000001 (pcs: twice);
--    e 0 and 0.
CREATE TABLE t (k STRING, a DECIMAL(5, 2), b DECIMAL(38, 20), c DECIMAL(18, 17), e DECIMAL(20, 0))
  WITH (connector = 'files', path = 'data/t', format = 'json');

SELECT k, percentile_approx(a, 0.5) AS pa, percentile_approx(b, array(0, 1))[0] AS pb0,
       percentile_approx(b, array(0, 1))[1] AS pb1, percentile_approx(b, array(0, 1)) AS pb,
       approx_percentile(c, 1.0) AS pc, percentile_approx(c, array(0.5, 1)) AS pcs,
       percentile_approx(e, 0.0) AS emin, percentile_approx(e, 1.0, 100) AS emax
FROM t GROUP BY k ORDER BY k
WITH (truncate = false);
