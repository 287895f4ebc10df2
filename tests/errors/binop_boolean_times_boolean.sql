-- expect: 4:22: [DATATYPE_MISMATCH.BINARY_OP_WRONG_TYPE] Cannot resolve "(b * b)" due to data type mismatch: the binary operator requires the input type "NUMERIC", not "BOOLEAN".
CREATE SOURCE e (d DATE, b BOOLEAN) WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console');
INSERT INTO o SELECT b * b FROM e;
