-- expect: 4:22: [DATATYPE_MISMATCH.BINARY_OP_DIFF_TYPES] Cannot resolve "(n < b)" due to data type mismatch: the left and right operands of the binary operator have incompatible types ("INT" and "BOOLEAN").
CREATE SOURCE e (n INT, b BOOLEAN) WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console');
INSERT INTO o SELECT n < b FROM e;
