-- from_json reads with allowArrayAsStructs = false: an array for a STRUCT schema is
-- JsonArraysAsStructsException, which FAILFAST reports as Spark 3.5's
-- MALFORMED_RECORD_IN_PARSING.CANNOT_PARSE_JSON_ARRAYS_AS_STRUCTS with the text.
CREATE SOURCE events (k STRING, j STRING) WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK console WITH (connector = 'console', truncate = false);
INSERT INTO console
SELECT k, from_json(j, 'a INT', map('mode', 'FAILFAST')) AS s FROM events WITH (name = 'strict');
