-- expect: 5:35: [DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] Cannot resolve "regr_slope(array(n), n)" due to data type mismatch: Parameter 1 requires the "DOUBLE" type, however "array(n)" has the type "ARRAY<INT>".
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT, ok BOOLEAN)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT regr_slope(array(n), n) FROM events WITH (outputMode = 'complete');
