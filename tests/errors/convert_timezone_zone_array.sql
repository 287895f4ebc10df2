-- expect: 4:46: [DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] Cannot resolve "convert_timezone(UTC, tz, n)" due to data type mismatch: Parameter 2 requires the "STRING" type, however "tz" has the type "ARRAY<STRING>".
CREATE SOURCE e (n TIMESTAMP_NTZ, i INT, tz ARRAY<STRING>) WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console');
INSERT INTO o SELECT convert_timezone('UTC', tz, n) AS c FROM e;
