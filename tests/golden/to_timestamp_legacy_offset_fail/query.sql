-- Offsets in the legacy parser (Spark 3.5's default timeParserPolicy EXCEPTION): a text the
-- pattern rejects ('2024-1-5': one digit for MM) is NULL when a non-lenient SimpleDateFormat
-- rejects it too and fails the query when it reads it. SimpleDateFormat's XXX reads a sign and
-- hh:mm ('+0530' no), and GregorianCalendar keeps ZONE_OFFSET within -13:00..+14:00 ('+14:01',
-- '-13:30' no), so the first text it reads is '2024-1-5 10:00 +14:00' (checked with Java 17's
-- SimpleDateFormat). Batch 0 fails with PARSE_DATETIME_BY_NEW_PARSER.
CREATE SOURCE src (s STRING) WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console', truncate = false);
INSERT INTO o SELECT s, to_timestamp(s, 'yyyy-MM-dd HH:mm XXX') AS t FROM src WITH (name = 'parse');
