-- expect: 5:41: [DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] Cannot resolve "timestamp_millis(x)" due to data type mismatch: Parameter 1 requires the "INTEGRAL" type, however "x" has the type "DOUBLE".
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT, d DATE, x DOUBLE)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT timestamp_millis(x) FROM events;
