-- expect: 4:22: [DATATYPE_MISMATCH.BINARY_OP_WRONG_TYPE] Cannot resolve "(n AND n)" due to data type mismatch: the binary operator requires the input type "BOOLEAN", not "INT".
CREATE SOURCE e (n INT, b BOOLEAN) WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console');
INSERT INTO o SELECT n AND n FROM e;
