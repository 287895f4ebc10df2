-- expect: 5:42: [DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] Cannot resolve "timestamp_seconds(action)" due to data type mismatch: Parameter 1 requires the "NUMERIC" type, however "action" has the type "STRING".
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT, d DATE, x DOUBLE)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT timestamp_seconds(action) FROM events;
