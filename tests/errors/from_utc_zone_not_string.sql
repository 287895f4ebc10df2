-- expect: 4:44: [DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] Cannot resolve "from_utc_timestamp(u, tz)" due to data type mismatch: Parameter 2 requires the "STRING" type, however "tz" has the type "ARRAY<STRING>".
CREATE SOURCE e (u TIMESTAMP, tz ARRAY<STRING>) WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console');
INSERT INTO o SELECT from_utc_timestamp(u, tz) AS f FROM e;
