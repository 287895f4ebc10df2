-- expect: 5:24: [DATATYPE_MISMATCH.BINARY_OP_DIFF_TYPES] Cannot resolve "(time * 2)" due to data type mismatch: the left and right operands of the binary operator have incompatible types ("TIMESTAMP" and "INT").
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT time * 2 FROM events;
