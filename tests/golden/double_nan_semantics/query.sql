CREATE SOURCE events (k STRING, x DOUBLE)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console', numRows = 50);
INSERT INTO out
SELECT k, x, x = CAST('NaN' AS DOUBLE) AS eq_nan, x <> CAST('NaN' AS DOUBLE) AS ne_nan,
       x > CAST('Infinity' AS DOUBLE) AS gt_inf, x < CAST('NaN' AS DOUBLE) AS lt_nan,
       x <= CAST('NaN' AS DOUBLE) AS le_nan, x >= 0.0 AS ge_0, x = -0.0 AS eq_m0,
       x IN (CAST('NaN' AS DOUBLE), 7.0) AS in_nan, x * 0 = x * 0 AS self_eq, count(*) AS c
FROM events GROUP BY k, x ORDER BY x DESC, k
WITH (outputMode = 'complete');
INSERT INTO out
SELECT x * 0 AS z, count(*) AS c, min(x) AS lo, max(x) AS hi, min(k) AS kmin
FROM events GROUP BY x * 0 ORDER BY z
WITH (outputMode = 'complete');
INSERT INTO out
SELECT min(x) AS lo, max(x) AS hi, max(CASE WHEN k < 'e' THEN x END) AS hi_nan,
       min(CASE WHEN k <> 'b' THEN x END) AS lo_no_nan, count(*) AS c
FROM events WHERE x >= CAST('-Infinity' AS DOUBLE)
WITH (outputMode = 'complete');
