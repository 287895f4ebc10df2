-- expect: 5:22: [DATATYPE_MISMATCH.BINARY_OP_DIFF_TYPES] Cannot resolve "(a - true)" due to data type mismatch: the left and right operands of the binary operator have incompatible types ("DOUBLE" and "BOOLEAN").
CREATE SOURCE e (d DATE, b BOOLEAN) WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console');
-- PromoteStrings reads 'a' as a DOUBLE, which has no common type with BOOLEAN
INSERT INTO o SELECT 'a' - true FROM e;
