-- to_timestamp_ntz with the pattern from a column: its formatter is validated without the
-- legacy check (Iso8601TimestampFormatter.validatePatternString(checkLegacy = false):
-- checkInvalidPattern), so E's IllegalArgumentException becomes
-- QueryExecutionErrors.failToRecognizePatternError, and batch 0 fails.
CREATE SOURCE src (s STRING, p STRING) WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console', truncate = false);
INSERT INTO o SELECT s, to_timestamp_ntz(s, p) AS t FROM src WITH (name = 'parse');
