-- percentile_approx / approx_percentile in batch queries: one partial digest of the file's
-- rows, queried once (exact order statistics here: the value of rank ceil(p * n), the
-- smallest for p <= 1 / accuracy, the largest for p >= 1 - 1 / accuracy).  Rows in file order:
--   x: n 10, f 1.5, d 2024-03-01, ts 03-01 10:00
--   x: n -4, f -2.5, d 2024-02-01, ts 03-01 09:00
--   y: n 7, f NULL, d NULL, ts 03-02 00:00
--   x: n 10, f 0.25, d 2024-03-01, ts 03-01 11:00
--   y: n -2147483647, f 8.0, d 1969-12-31, ts 1969-12-31 23:59:59.5
--   z: all NULL
--   x: n 3, f -2.5, d 2024-01-15, ts 03-01 08:00
CREATE TABLE t (k STRING, n INT, f FLOAT, d DATE, ts TIMESTAMP)
  WITH (connector = 'files', path = 'data/t', format = 'json');

-- x (4 rows): n sorted -4 3 10 10, rank ceil(0.5 * 4) = 2: 3; f sorted -2.5 -2.5 0.25 1.5:
--    [-2.5, -2.5, 1.5]; d rank ceil(0.25 * 4) = 1: 2024-01-15; ts rank 3: 10:00.
-- y (2 rows; f and d one value): n rank 1: -2147483647; f [8.0, 8.0, 8.0]; d 1969-12-31;
--    ts rank ceil(1.5) = 2: 03-02 00:00.
-- z: every one NULL.
SELECT k, percentile_approx(n, 0.5) AS mn, percentile_approx(f, array(0, 0.5, 1)) AS pf,
       approx_percentile(d, 0.25, 100) AS pd, percentile_approx(ts, 0.75) AS pts
FROM t GROUP BY k ORDER BY k;

-- every row: n of 6 values sorted -2147483647 -4 3 7 10 10: rank ceil(0.6) = 1 and ceil(5.4)
-- = 6: [-2147483647, 10]; FILTER (WHERE n > 0): 3 7 10 10, rank 2: 7; ts of 6 values, the
-- smallest (p 0.0001 <= 1 / 10000): 1969-12-31 23:59:59.5.
SELECT percentile_approx(n, array(0.1, 0.9)) AS pn,
       percentile_approx(n, 0.5) FILTER (WHERE n > 0) AS pos,
       percentile_approx(ts, 0.0001) AS first
FROM t;
