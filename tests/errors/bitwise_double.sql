-- expect: 5:24: [DATATYPE_MISMATCH.BINARY_OP_DIFF_TYPES] Cannot resolve "(a & d)" due to data type mismatch: the left and right operands of the binary operator have incompatible types ("INT" and "DOUBLE").
CREATE SOURCE s (a INT, s STRING, f BOOLEAN, d DOUBLE)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT a & d FROM s;
