-- expect: 5:24: [DATATYPE_MISMATCH.BINARY_OP_DIFF_TYPES] Cannot resolve "pmod(n, time)" due to data type mismatch: the left and right operands of the binary operator have incompatible types ("INT" and "TIMESTAMP").
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT pmod(n, time) FROM events;
