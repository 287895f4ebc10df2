-- expect: 5:30: [DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] Cannot resolve "RLIKE(split(action, ,, -1), a)" due to data type mismatch: Parameter 1 requires the "STRING" type, however "split(action, ,, -1)" has the type "ARRAY<STRING>".
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT, d DOUBLE, m DECIMAL(5,2))
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT rlike(split(action, ','), 'a') FROM events;
