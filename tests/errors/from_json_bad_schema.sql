-- expect: 6:24: [DATATYPE_MISMATCH.INVALID_JSON_SCHEMA] Cannot resolve "from_json(j)" due to data type mismatch: Input schema "INT" must be a struct, an array or a map.
-- expect: 6:60: [DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] Cannot resolve "from_json(n)" due to data type mismatch: Parameter 1 requires the "STRING" type, however "n" has the type "INT".
-- expect: 6:91: from_json: cannot parse the schema 'a INT,': syntax error: unexpected ')', expected identifier
CREATE SOURCE events (k STRING, j STRING, n INT) WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT from_json(j, 'int') AS s, from_json(n, 'a INT') AS t, from_json(j, 'a INT,') AS u FROM events;
