-- expect: 4:49: [DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] Cannot resolve "convert_timezone(current_timezone(), +01:00, i)" due to data type mismatch: Parameter 3 requires the "TIMESTAMP_NTZ" type, however "i" has the type "INT".
CREATE SOURCE e (n TIMESTAMP_NTZ, i INT, tz ARRAY<STRING>) WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console');
INSERT INTO o SELECT convert_timezone('+01:00', i) AS c FROM e;
