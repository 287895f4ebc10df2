-- expect: 4:43: [DATATYPE_MISMATCH.BINARY_OP_DIFF_TYPES] Cannot resolve "(value = 1)" due to data type mismatch: the left and right operands of the binary operator have incompatible types ("BINARY" and "INT").
CREATE SOURCE k WITH (connector = 'kafka', 'kafka.bootstrap.servers' = 'localhost:9092', subscribe = 't');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT topic FROM k WHERE value = 1;
