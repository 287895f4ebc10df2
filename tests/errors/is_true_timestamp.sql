-- expect: 5:24: [DATATYPE_MISMATCH.BINARY_OP_DIFF_TYPES] Cannot resolve "(t <=> true)" due to data type mismatch: the left and right operands of the binary operator have incompatible types ("TIMESTAMP" and "BOOLEAN").
CREATE SOURCE s (a INT, s STRING, f BOOLEAN, d DOUBLE, t TIMESTAMP)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT t IS TRUE FROM s;
