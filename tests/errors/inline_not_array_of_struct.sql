-- expect: 4:32: [DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] Cannot resolve "inline(a)" due to data type mismatch: Parameter 1 requires the "ARRAY<STRUCT>" type, however "a" has the type "ARRAY<INT>".
CREATE SOURCE s (k STRING, a ARRAY<INT>) WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console');
INSERT INTO o SELECT k, inline(a) FROM s;
