-- Expected by hand (session zone UTC; 'yy' is 2000 + two digits):
-- a '0001-09-07' with 'd-M-yy': day 0001 = 1, month 09, year 2007: 2007-09-01, day 13757,
--   unix 13757 * 86400 = 1188604800;
-- b '7-9-07': 2007-09-07, day 13763, 1189123200;
-- c '007-0009-07': day 7, month 9: 2007-09-07 as b;
-- d '32-1-07': day 32 is out of range (STRICT): NULL.
-- 'dd-M-yy' (two digits exactly) is NULL for a, b and c, but the legacy SimpleDateFormat
-- reads them (any number of digits before a literal), so Spark 3.5 (timeParserPolicy
-- EXCEPTION) fails the query: not tested here (to_timestamp_legacy_parse_fail).
CREATE SOURCE ev (k STRING, s STRING)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console', truncate = false);
INSERT INTO out
SELECT k, to_timestamp(s, 'd-M-yy') AS t, unix_timestamp(s, 'd-M-yy') AS u
FROM ev;
