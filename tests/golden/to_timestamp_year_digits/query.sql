-- Expected by hand (pattern 'yyyy-MM-dd', session zone UTC):
-- a '2024-03-05': 2024-03-05 00:00:00, unix 1709596800 (day 19787 * 86400);
-- b '00000-03-05': five digits without a sign: NULL;
-- c '+12024-03-05': year 12024, printed with its sign as ISO_LOCAL_DATE does; unix: day
--   19787 + 25 * 146097 (10000 years) = 3672212, * 86400 = 317279116800;
-- d '+2024-03-05': a '+' before only four digits: NULL;
-- e '-0044-03-15': year -44 (45 BC), printed -0044-03-15; unix: 400 years (146097 days)
--   before 0356-03-15 (day -589428): -735525 * 86400 = -63549360000;
-- f '-0000-01-01': -0 is refused in strict parsing: NULL;
-- g '000-03-05': three digits: NULL.
-- b and g read year 0, which the legacy SimpleDateFormat (non-lenient GregorianCalendar,
-- years from 1) rejects too, so timeParserPolicy EXCEPTION does not fail the query; with
-- another year they fail it (to_timestamp_legacy_parse_fail).
CREATE SOURCE ev (k STRING, s STRING)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console', truncate = false);
INSERT INTO out
SELECT k, to_timestamp(s, 'yyyy-MM-dd') AS t, to_date(s, 'yyyy-MM-dd') AS d,
       unix_timestamp(s, 'yyyy-MM-dd') AS u
FROM ev;
