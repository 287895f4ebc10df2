-- Spark 3.5's default spark.sql.legacy.timeParserPolicy is EXCEPTION: a text the pattern
-- rejects is NULL when the legacy parser (a non-lenient SimpleDateFormat) rejects it too
-- ('abc', '2024-02-30'), and fails the query when it reads it ('2024-1-5': SimpleDateFormat
-- reads MM and dd with any number of digits) with INCONSISTENT_BEHAVIOR_CROSS_VERSION
-- .PARSE_DATETIME_BY_NEW_PARSER (TimestampFormatter's checkParsedDiff). Batch 0 fails.
CREATE SOURCE src (s STRING) WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console', truncate = false);
INSERT INTO o SELECT s, to_timestamp(s, 'yyyy-MM-dd') AS t FROM src WITH (name = 'parse');
