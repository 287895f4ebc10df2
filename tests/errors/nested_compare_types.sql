-- expect: 5:22: [DATATYPE_MISMATCH.BINARY_OP_DIFF_TYPES] Cannot resolve "(a = array(a))" due to data type mismatch: the left and right operands of the binary operator have incompatible types ("ARRAY<INT>" and "ARRAY<STRING>").
CREATE SOURCE e (a ARRAY<INT>, s STRING)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console');
INSERT INTO o SELECT a = array('a') FROM e;
