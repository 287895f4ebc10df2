-- expect: 5:24: [DATATYPE_MISMATCH.BINARY_OP_DIFF_TYPES] Cannot resolve "(INTERVAL '1' DAY % n)" due to data type mismatch: the left and right operands of the binary operator have incompatible types ("INTERVAL DAY" and "INT").
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT INTERVAL '1' DAY % n AS x FROM events;
