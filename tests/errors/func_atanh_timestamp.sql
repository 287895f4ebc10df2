-- expect: 5:30: [DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] Cannot resolve "ATANH(time)" due to data type mismatch: Parameter 1 requires the "DOUBLE" type, however "time" has the type "TIMESTAMP".
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT atanh(time) FROM events;
