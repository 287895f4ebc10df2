-- to_binary(s) (hex, the default) fails the query at the first malformed value: Spark 3.5's
-- Unhex(s, failOnError = true) throws CONVERSION_INVALID_INPUT with the value as toSQLValue
-- prints it ('...' with ' and \ escaped). Row 2 (a'\ G) fails batch 0, so nothing is shown.
CREATE SOURCE src (s STRING) WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console', truncate = false);
INSERT INTO o SELECT s, to_binary(s) AS b FROM src WITH (name = 'hex');
