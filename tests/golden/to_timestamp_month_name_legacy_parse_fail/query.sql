-- Spark 3.5's default spark.sql.legacy.timeParserPolicy is EXCEPTION: MMMM reads only full
-- month names (TextStyle.FULL, strict), so 'jan 5, 2024 1:05 pm' does not parse; the legacy
-- parser (a non-lenient SimpleDateFormat with Locale.US) reads full then short names under
-- MMMM, in any case (matchString), and 'pm' in any case, so to_timestamp fails the query
-- with INCONSISTENT_BEHAVIOR_CROSS_VERSION.PARSE_DATETIME_BY_NEW_PARSER (TimestampFormatter's
-- checkParsedDiff). 'January 5, 2024 1:05 PM' reads before it; batch 0 fails.
CREATE SOURCE src (s STRING) WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console', truncate = false);
INSERT INTO o SELECT s, to_timestamp(s, 'MMMM d, yyyy h:mm a') AS t FROM src WITH (name = 'parse');
