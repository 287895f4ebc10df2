-- TIMESTAMP_NTZ (Spark 3.5's TimestampNTZType), session zone UTC.  Expected output by hand:
--   t is read by JacksonParser's parseWithoutTimeZone(s, false): a zone (b's 'Z') makes the
--   field malformed, so b's t is NULL (PERMISSIVE keeps the other fields).
--   cs = CAST(s AS TIMESTAMP_NTZ), stringToTimestampWithoutTimeZone(s, allowTimeZone = true):
--   a: '+02:00' dropped -> 2024-01-01 10:00:00.5; b: month 13 -> NULL; c: 'Europe/Paris' is a
--   known zone, dropped -> 2023-06-30 01:02:03; d: a time alone -> NULL.
--   str = CAST(t AS STRING): as the console prints it; td = CAST(t AS DATE): the day.
--   ln = CAST(l AS TIMESTAMP_NTZ): the same local time in UTC; dn = CAST(d AS TIMESTAMP_NTZ):
--   midnight.  lt = t < l (both TIMESTAMP): a 10:00 < 12:30 true; d 2024-02-29 00:00 <
--   2024-02-28 23:00 false.  eqd = t = d (d cast to NTZ): d true (midnight of its day), a false.
--   lit = TIMESTAMP_NTZ '2024-01-01 10:00:00 UTC': the zone dropped.
--   p = t + INTERVAL '1 12' DAY TO HOUR: a 2024-01-02 22:00, c 2023-07-02 11:59:59.123456,
--   d 2024-03-01 12:00.  ym = t - INTERVAL '1-1' YEAR TO MONTH: a 2022-12-01 10:00,
--   c 2022-05-30 23:59:59.123456, d 2023-01-29 00:00 (no day clamp needed: Jan has 31).
--   diff = t - l (both cast to NTZ): a -02:30:00, d +01:00:00 (23:00 -> 00:00 next day).
--   h, mi, se = hour/minute/second (AnyTimestampType): a 10 0 0, c 23 59 59, d 0 0 0;
--   y, dm = year/dayofmonth through the cast to DATE.
CREATE SOURCE ev (k STRING, t TIMESTAMP_NTZ, l TIMESTAMP, s STRING, d DATE)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console', truncate = false);
CREATE SINK js WITH (connector = 'files', path = 'outj', format = 'json');
INSERT INTO out
SELECT k, t, CAST(s AS TIMESTAMP_NTZ) AS cs, CAST(t AS STRING) AS str, CAST(t AS DATE) AS td,
       CAST(l AS TIMESTAMP_NTZ) AS ln, CAST(d AS TIMESTAMP_NTZ) AS dn, t < l AS lt, t = d AS eqd,
       TIMESTAMP_NTZ '2024-01-01 10:00:00 UTC' AS lit
FROM ev WITH (name = 'casts');
INSERT INTO out
SELECT k, t + INTERVAL '1 12' DAY TO HOUR AS p, t - INTERVAL '1-1' YEAR TO MONTH AS ym,
       t - l AS diff, hour(t) AS h, minute(t) AS mi, second(t) AS se, year(t) AS y,
       dayofmonth(t) AS dm
FROM ev WITH (name = 'arith');
-- to_timestamp_ntz: a '2016-12-31' with 'yyyy-MM-dd' is midnight; a zone the pattern reads
-- is dropped (10:11:12); make_timestamp_ntz(2021, 7, 11, 6, 30, 45.678) and 60.007 seconds
-- (NULL: only exactly 60 rolls over).
INSERT INTO out
SELECT k, to_timestamp_ntz(s) AS a, to_timestamp_ntz('2016-12-31', 'yyyy-MM-dd') AS b,
       to_timestamp_ntz('2019-10-06 10:11:12+05:00', 'yyyy-MM-dd HH:mm:ssXXX') AS c,
       make_timestamp_ntz(2021, 7, 11, 6, 30, 45.678) AS m,
       make_timestamp_ntz(2021, 7, 11, 6, 30, 60.007) AS m2,
       make_timestamp_ntz(2021, 7, 11, 6, 30, 60) AS m3
FROM ev WHERE k = 'a' WITH (name = 'functions');
-- the JSON sink writes timestampNTZFormat's default yyyy-MM-dd'T'HH:mm:ss[.SSS] (milliseconds,
-- no zone); a NULL field is left out.
INSERT INTO js SELECT k, t FROM ev WITH (name = 'json', checkpointLocation = 'chk/json');
-- grouped by the NTZ (complete mode): NULL first, then ascending; min/max of t.
INSERT INTO out
SELECT t, count(*) AS n, min(t) AS mn, max(t) AS mx FROM ev
GROUP BY t ORDER BY t WITH (name = 'grouped', outputMode = 'complete');
