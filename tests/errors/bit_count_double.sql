-- expect: 4:32: [DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] Cannot resolve "bit_count(d)" due to data type mismatch: Parameter 1 requires the ("INTEGRAL" or "BOOLEAN") type, however "d" has the type "DOUBLE".
CREATE SOURCE e (d DOUBLE) WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console');
INSERT INTO o SELECT bit_count(d) FROM e;
