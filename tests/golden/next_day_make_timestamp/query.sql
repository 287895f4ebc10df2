-- next_day (NextDay: the first given weekday strictly after the date; SU/SUN/SUNDAY ... in any
-- case; an unknown name is NULL without ANSI mode): 2015-01-14 is a Wednesday, so TU is
-- 2015-01-20 and wednesday 2015-01-21; 2015-01-17 is a Saturday, so sat is 2015-01-24.
-- make_timestamp (MakeTimestamp, non-ANSI): Spark's examples 2014-12-28 06:30:45.887 and
-- 60 seconds as the next minute (2019-07-01 00:00:00); 60.5 seconds, 2019-02-29 and -1
-- seconds are NULL; 59.9999999 rounds (DECIMAL(16,6), HALF_UP) to 60, so 1970-01-01
-- 00:00:00; with '+01:00' the instant is an hour earlier in UTC; a NULL zone gives NULL.
CREATE SOURCE e (d DATE, w STRING, y INT, mo INT, dd INT, h INT, mi INT, s DOUBLE)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console', truncate = false);
INSERT INTO o
SELECT next_day(d, w), make_timestamp(y, mo, dd, h, mi, s) AS mt,
       make_timestamp(y, mo, dd, h, mi, s, '+01:00') AS mtz,
       make_timestamp(y, mo, dd, h, mi, s, NULL) AS mtn
FROM e;
