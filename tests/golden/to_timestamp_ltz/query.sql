-- try_to_timestamp, to_timestamp_ltz (Spark 3.4's builders: ParseToTimestamp(s, fmt,
-- TimestampType), failOnError false: to_timestamp without ANSI mode) and make_timestamp_ltz
-- (MakeTimestamp with dataType TimestampType), each named by its alias. Session zone UTC.
-- Expected rows, from those rules:
--   '\n2016-12-31 00:12:00': the cast trims the newline, 2016-12-31 00:12:00; 'yyyy-MM-dd'
--     must match the whole text: NULL (the legacy SimpleDateFormat, which skips only spaces
--     and tabs, rejects it too, so timeParserPolicy EXCEPTION does not fail the query);
--     make_timestamp_ltz(2021, 7, 11, 6, 30, 45.678) 2021-07-11 06:30:45.678, in CET (CEST,
--     +02:00 in July) 2021-07-11 04:30:45.678
--   '2016-12-31': 2016-12-31 00:00:00 both ways; 60.007 seconds: NULL (only 60 exactly is
--     taken, as the next minute)
--   'foo': NULL both ways; (2019, 6, 30, 23, 59, 60) 2019-07-01 00:00:00, in CET (+02:00)
--     2019-06-30 22:00:00
--   NULL: all NULL
--   '\n2020-02-29T10:00:01.5Z ': the cast trims and reads the zone, 2020-02-29 10:00:01.5;
--     the pattern NULL (the legacy parser rejects it too);
--     month 13 is no date: NULL
CREATE SOURCE src (s STRING, y INT, mo INT, d INT, h INT, mi INT, sec DECIMAL(8,3))
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console', truncate = false);
INSERT INTO out
SELECT try_to_timestamp(s), TRY_TO_TIMESTAMP(s, 'yyyy-MM-dd') AS try_fmt,
       to_timestamp_ltz(s) AS ltz, to_timestamp_ltz(s, 'yyyy-MM-dd') AS ltz_fmt,
       make_timestamp_ltz(y, mo, d, h, mi, sec) AS mk,
       make_timestamp_ltz(y, mo, d, h, mi, sec, 'CET') AS mk_cet
FROM src;
