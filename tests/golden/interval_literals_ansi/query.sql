-- Expected values (python3, datetime arithmetic in UTC):
--   2024-01-01 10:00:00 + 2 d = 2024-01-03 10:00:00; - 3 h = 07:00:00; + 10 min = 10:10:00;
--   + 1.5 s = 10:00:01.5; + 2 d 10 h 30 min = 2024-01-03 20:30:00;
--   - (1 d 2 h 3 min 4.5 s) = 2023-12-31 07:56:55.5; + 10 h 30 min = 20:30:00;
--   - (-1 h 30 min 15 s) = 11:30:15; + (2 d 3 h) = 2024-01-03 13:00:00
--   2024-12-31 23:59:59.5 + 2 d = 2025-01-02 23:59:59.5; - 3 h = 20:59:59.5; + 10 min =
--   2025-01-01 00:09:59.5; + 1.5 s = 2025-01-01 00:00:01; + 2 d 10:30 = 2025-01-03 10:29:59.5;
--   - 1 02:03:04.5 = 2024-12-30 21:56:55; + 10:30 = 2025-01-01 10:29:59.5;
--   + 1:30:15 = 2025-01-01 01:30:14.5; + 2 d 3 h = 2025-01-03 02:59:59.5
--   dates: 2024-02-28 + 2 = 2024-03-01 (leap year), - 7 = 2024-02-21, + 3 h = 2024-02-28 03:00:00;
--   2023-12-31 + 2 = 2024-01-02, - 7 = 2023-12-24, + 3 h = 2023-12-31 03:00:00
--   names: Literal.sql of DayTimeIntervalType (toDayTimeIntervalString): INTERVAL '03' HOUR,
--   INTERVAL '01.5' SECOND, INTERVAL '-01:30:15' HOUR TO SECOND, INTERVAL '2 03' DAY TO HOUR
--   binary: X'0A1B' = [0A 1B]; X'abc' pads to 0ABC = [0A BC], named X'0ABC';
--   position('b' IN k) = locate('b', k): a 0, bc 1, x 0
--   12-hour windows: 2024-01-01 00:00-12:00 (1 row), 2024-12-31 12:00-2025-01-01 00:00 (1 row)
CREATE SOURCE events (k STRING, t TIMESTAMP, d DATE, WATERMARK FOR t AS t - INTERVAL '10' MINUTE)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console', truncate = false);
INSERT INTO out
SELECT k, t + INTERVAL '2' DAY, t - INTERVAL '3' HOUR, t + INTERVAL '10' MINUTE, t + INTERVAL '1.5' SECOND
FROM events WITH (name = 'single_fields');
INSERT INTO out
SELECT k, t + INTERVAL '2 10:30' DAY TO MINUTE AS dm, t - INTERVAL '1 02:03:04.5' DAY TO SECOND AS ds,
       t + INTERVAL '10:30' HOUR TO MINUTE AS hm
FROM events WITH (name = 'from_to');
INSERT INTO out
SELECT k, t - INTERVAL -'1:30:15' HOUR TO SECOND, t + INTERVAL 2 DAYS 3 HOURS
FROM events WITH (name = 'signs_pairs');
INSERT INTO out
SELECT k, d + INTERVAL '2' DAY, d - INTERVAL 1 WEEK, d + INTERVAL '3' HOUR
FROM events WITH (name = 'dates');
INSERT INTO out
SELECT k, X'0A1B', X'abc', position('b' IN k), length(X'00FF00') AS n
FROM events WITH (name = 'binary_position');
INSERT INTO out
SELECT window(t, INTERVAL '12' HOUR) AS w, count(*) AS c FROM events
GROUP BY window(t, INTERVAL '12:00' HOUR TO MINUTE) ORDER BY w
WITH (name = 'windows', outputMode = 'complete');
