-- expect: 5:48: [DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] Cannot resolve "months_between(time, d, n)" due to data type mismatch: Parameter 3 requires the "BOOLEAN" type, however "n" has the type "INT".
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT, d DATE, x DOUBLE)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT months_between(time, d, n) FROM events;
