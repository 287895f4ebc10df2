-- Spark 3.5's default spark.sql.legacy.timeParserPolicy is EXCEPTION: 'yyyy-MM-dd' does not
-- read the time of '2024-03-01 10:00:00', but the legacy parser (a non-lenient
-- SimpleDateFormat, DateFormat.parse(String)) ignores text after what its pattern read, so
-- to_unix_timestamp (ToUnixTimestamp) fails the query with INCONSISTENT_BEHAVIOR_CROSS_VERSION
-- .PARSE_DATETIME_BY_NEW_PARSER (TimestampFormatter's checkParsedDiff). '2024-03-01' reads
-- as 1709251200 before it; batch 0 fails.
CREATE SOURCE src (s STRING) WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console', truncate = false);
INSERT INTO o SELECT s, to_unix_timestamp(s, 'yyyy-MM-dd') AS u FROM src WITH (name = 'parse');
