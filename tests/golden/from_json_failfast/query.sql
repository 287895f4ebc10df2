-- from_json(j, schema, map('mode', 'FAILFAST')): JsonToStructs' FailureSafeParser throws
-- MALFORMED_RECORD_IN_PARSING naming the row PERMISSIVE would give (b: "x" for the INT a,
-- the partial row [null,y,<text>], the text in the corrupt-record field); the batch fails.
CREATE SOURCE events (k STRING, j STRING) WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK console WITH (connector = 'console', truncate = false);
INSERT INTO console
SELECT k, from_json(j, 'a INT, b STRING, _corrupt_record STRING', map('mode', 'failfast')) AS s
FROM events WITH (name = 'strict');
