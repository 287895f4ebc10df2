-- expect: 5:30: [DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] Cannot resolve "FLOOR(split(action, ,, -1))" due to data type mismatch: Parameter 1 requires the ("DOUBLE" or "DECIMAL" or "BIGINT") type, however "split(action, ,, -1)" has the type "ARRAY<STRING>".
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT floor(split(action, ',')) FROM events;
