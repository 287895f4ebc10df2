-- to_binary(s, 'BASE64') fails the query at the first value UnBase64.isValidBase64 refuses
-- (here whitespace after the padding): Spark 3.5's CONVERSION_INVALID_INPUT, fmt 'BASE64'.
CREATE SOURCE src (s STRING) WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console', truncate = false);
INSERT INTO o SELECT s, to_binary(s, 'BASE64') AS b FROM src WITH (name = 'b64');
