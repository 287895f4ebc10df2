-- expect: 7:24: [DATATYPE_MISMATCH.BINARY_OP_DIFF_TYPES] Cannot resolve "(s AND f)" due to data type mismatch: the left and right operands of the binary operator have incompatible types ("STRING" and "BOOLEAN").
-- expect: 7:33: [DATATYPE_MISMATCH.BINARY_OP_WRONG_TYPE] Cannot resolve "(s OR s)" due to data type mismatch: the binary operator requires the input type "BOOLEAN", not "STRING".
-- expect: 7:45: [DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] Cannot resolve "(NOT s)" due to data type mismatch: Parameter 1 requires the "BOOLEAN" type, however "s" has the type "STRING".
CREATE SOURCE s (a INT, s STRING, f BOOLEAN)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT s AND f, s OR s, NOT s FROM s;
