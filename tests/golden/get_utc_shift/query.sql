-- get (Get: GetArrayItem without failOnError: 0-based, NULL out of range or negative),
-- try_element_at (ElementAt without failOnError: 1-based, negative from the end, NULL past
-- the end), to_unix_timestamp (ToUnixTimestamp: 2024-03-01 10:00:00 UTC is 1709287200; the
-- default pattern needs the time, so NULL for 2024-03-01, which the legacy SimpleDateFormat
-- rejects too (timeParserPolicy EXCEPTION); the optional time reads 2024-03-01 as
-- 1709251200), current_timezone
-- (sluice's session zone, UTC), from_utc_timestamp / to_utc_timestamp with fixed zones
-- (23:30 + 2 h is 01:30 the next day; to UTC from GMT-5 adds 5 h; a NULL zone gives NULL).
CREATE SOURCE e (i INT, s STRING, ts TIMESTAMP)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console', truncate = false);
INSERT INTO o
SELECT get(array(10, 20, 30), i), try_element_at(array(10, 20, 30), i + 1) AS te,
       to_unix_timestamp(s) AS tu, to_unix_timestamp(s, 'yyyy-MM-dd[ HH:mm:ss]') AS tu2, current_timezone(),
       from_utc_timestamp(ts, '+02:00') AS f1, to_utc_timestamp(ts, 'GMT-5') AS t1,
       from_utc_timestamp(ts, 'UTC') AS f2, from_utc_timestamp(ts, NULL) AS f3
FROM e;
