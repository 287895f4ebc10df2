-- ANSI interval values (Spark 3.5, spark.sql.legacy.interval.enabled = false).  By hand:
--   a: e - s = 1 d 02:30:15.5; d1 - d2 = 2 days (2024 is a leap year); (e - s) * m = 2 d
--      05:00:31; (e - s) * x = 95415.5 s * 1.5 = 143123.25 s = 1 d 15:45:23.25; (e - s) / 3
--      = 31805166666.67 µs -> 31805166667 (HALF_UP) = 08:50:05.166667; d2 + 1 month =
--      2024-03-28; s + 1-2 years = 2025-03-01 10:00; d2 - INTERVAL '1' YEAR = 2023-02-28;
--      INTERVAL '1-2' YEAR TO MONTH * m = 28 months = 2-4; CAST('1 02:03:04.5' AS INTERVAL DAY
--      TO SECOND) = 1 02:03:04.5; INTERVAL '1' DAY + INTERVAL '2' HOUR widens to DAY TO HOUR;
--      e - s + INTERVAL '1' DAY.
--   b: e - s = -1 µs, printed -0 00:00:00.000001; d1 - d2 = -364 days; * -3 = 3 µs;
--      * -0.5 = 0.5 µs -> 1 (HALF_UP away from zero); / 3 = -0.33 µs -> 0; 14 * -3 = -42
--      months = -3-6; the ANSI literal string cast keeps its sign: -1 s.
--   c: NULLs; d2 - INTERVAL '1' YEAR = 2023-01-31, + 1 month = 2024-02-29 (day clamped).
CREATE SOURCE ev (k STRING, s TIMESTAMP, e TIMESTAMP, d1 DATE, d2 DATE, m INT, x DOUBLE, txt STRING)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console', truncate = false);
CREATE SINK js WITH (connector = 'files', path = 'outj', format = 'json');
INSERT INTO out
SELECT k, e - s, d1 - d2, (e - s) * m AS tm, (e - s) * x AS tx, (e - s) / 3 AS d3
FROM ev WITH (name = 'day_time');
INSERT INTO out
SELECT k, d2 + INTERVAL '1' MONTH, s + INTERVAL '1-2' YEAR TO MONTH AS sy, d2 - INTERVAL '1' YEAR AS dy,
       INTERVAL '1-2' YEAR TO MONTH * m AS ym, -INTERVAL '3' MONTH AS nm
FROM ev WITH (name = 'year_month');
INSERT INTO out
SELECT k, CAST(txt AS INTERVAL DAY TO SECOND) AS c, INTERVAL '1' DAY + INTERVAL '2' HOUR AS w,
       CAST(e - s AS STRING) AS str, e - s + INTERVAL '1' DAY AS p, INTERVAL '0' SECOND AS z,
       INTERVAL '100' SECOND AS h
FROM ev WITH (name = 'casts');
INSERT INTO js SELECT k, e - s AS dur, INTERVAL '-0-3' YEAR TO MONTH AS ym FROM ev WITH (name = 'json', checkpointLocation = 'chk/json');
-- grouped (complete mode): the key d1 - d2 (INTERVAL DAY) 2 days (a), -364 days (b), NULL (c);
-- min and max of e - s per key are that row's own; ORDER BY the interval key ascending: NULL
-- first (Spark's NULLS FIRST for ASC), then -364 days, then 2 days.
INSERT INTO out
SELECT d1 - d2 AS g, count(*) AS n, min(e - s) AS mn, max(e - s) AS mx FROM ev
GROUP BY d1 - d2 ORDER BY g WITH (name = 'grouped', outputMode = 'complete');
