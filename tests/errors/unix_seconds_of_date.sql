-- expect: 5:37: [DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] Cannot resolve "unix_seconds(d)" due to data type mismatch: Parameter 1 requires the "TIMESTAMP" type, however "d" has the type "DATE".
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT, d DATE, x DOUBLE)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT unix_seconds(d) FROM events;
