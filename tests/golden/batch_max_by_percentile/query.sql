-- max_by/min_by and median/percentile in batch queries.  Rows in file order:
--   x: b 10, f 1.5, p 3.25, d 2024-03-01, ts 10:00, ok true
--   x: b -4, f -2.5, p -1.10, d 2024-02-01, ts 09:00, ok false
--   y: b 7, f NULL, p 0.01, d NULL, ts 03-02 00:00, ok NULL
--   x: b 10, f 0.25, p 99.99, d 2024-03-01, ts 11:00, ok true
--   y: b -9223372036854775807, f 8.0, p -0.50, d 2023-12-31, ts 03-02 01:00, ok false
--   z: all NULL
--   x: b 3, f -2.5, p 2.00, d 2024-01-15, ts 08:00, ok false
CREATE TABLE t (k STRING, b BIGINT, f FLOAT, p DECIMAL(6, 2), d DATE, ts TIMESTAMP, ok BOOLEAN)
  WITH (connector = 'files', path = 'data/t', format = 'json');

-- x: max_by(p, b): b 10 twice, the later (99.99); min_by(p, f): f -2.5 twice, the later
--    (2.00); max_by(d, ts) = 2024-03-01 (11:00), min_by(ts, d) = 08:00 (2024-01-15);
--    max_by(b, p) = 10 (99.99), min_by(f, p) = -2.5 (-1.10); max_by(k, ok): true twice, x;
--    median(b) of -4 3 10 10: position 1.5, 6.5; median(p) of -1.10 2.00 3.25 99.99: 2.625;
--    percentile(f, 0.1) of -2.5 -2.5 0.25 1.5: position 0.3 between -2.5 and -2.5, -2.5.
-- y: max_by(p, b) = 0.01 (7), min_by(p, f) = -0.50 (8.0; the NULL f skipped); max_by(d, ts)
--    = 2023-12-31, min_by(ts, d) = 03-02 01:00 (the NULL d skipped); max_by(b, p) = 7,
--    min_by(f, p) = 8.0; max_by(k, ok) = y (false: NULL skipped); median(b) of
--    -9223372036854775807 and 7 as doubles: 0.5 * -9.223372036854776E18 + 0.5 * 7.0 =
--    -4.611686018427388E18; median(p) = (-0.50 + 0.01) / 2 = -0.245; percentile(f, 0.1) of
--    8.0: 8.0.
-- z: every one NULL.
SELECT k, max_by(p, b), min_by(p, f), max_by(d, ts), min_by(ts, d), max_by(b, p), min_by(f, p),
       max_by(k, ok), median(b), median(p), percentile(f, 0.1)
FROM t GROUP BY k ORDER BY k;

-- every row: max_by(k, b) = x (10, the later of two), min_by(k, b) = y; median(f) of -2.5 -2.5
-- 0.25 1.5 8.0: 0.25; percentile(b, 1) = 10.0, percentile(b, 0) = -9.223372036854776E18;
-- FILTER (WHERE ok): max_by(b, ts) of the rows where ok is true: 10 (11:00), median(f) of
-- 1.5 and 0.25: 0.875; an empty FILTER: NULL.
SELECT max_by(k, b), min_by(k, b), median(f), percentile(b, 1), percentile(b, 0),
       max_by(b, ts) FILTER (WHERE ok) AS mb_ok, median(f) FILTER (WHERE ok) AS med_ok,
       percentile(b, 0.5) FILTER (WHERE k = 'none') AS none
FROM t;

-- over an aggregation: the keys with the most rows (x: 4) and the fewest (z: 1).
SELECT max_by(k, c) AS busiest, min_by(k, c) AS quietest
FROM (SELECT k, count(*) AS c FROM t GROUP BY k);

-- mode: b 10 (twice), f -2.5 (twice), d 2024-03-01 (twice), ok false (three times), k x (four
-- times); ts: six values once each, the first in Spark's OpenHashMap slot order (home slot
-- Guava murmur3_32 of Long.hashCode of the microseconds & 63: 10:00 32, 09:00 62, 03-02 00:00,
-- 11:00 and 08:00 49 (probing on to 50 and 52), 03-02 01:00 25): 2024-03-02 01:00:00.
SELECT mode(b), mode(f), mode(d), mode(ok), mode(k), mode(ts) FROM t;
