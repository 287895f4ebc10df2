-- expect: 4:33: [DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] Cannot resolve "explode(k)" due to data type mismatch: Parameter 1 requires the ("ARRAY" or "MAP") type, however "k" has the type "STRING".
CREATE SOURCE s (k STRING, a ARRAY<INT>) WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console');
INSERT INTO o SELECT k, explode(k) FROM s;
