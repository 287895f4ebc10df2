-- expect: 5:34: [DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] Cannot resolve "factorial(d)" due to data type mismatch: Parameter 1 requires the "INT" type, however "d" has the type "DATE".
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT, d DATE, x DOUBLE)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT factorial(d) FROM events;
