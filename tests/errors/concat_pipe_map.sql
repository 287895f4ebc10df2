-- expect: 4:27: [DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] Cannot resolve "concat(s, m)" due to data type mismatch: Parameter 2 requires the ("STRING" or "BINARY" or "ARRAY") type, however "m" has the type "MAP<STRING, INT>".
CREATE SOURCE e (s STRING, a ARRAY<INT>, m MAP<STRING, INT>) WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console');
INSERT INTO o SELECT s || m FROM e;
