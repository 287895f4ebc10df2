-- expect: 5:37: [DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] Cannot resolve "sha2(action, split(action, ,, -1))" due to data type mismatch: Parameter 2 requires the "INT" type, however "split(action, ,, -1)" has the type "ARRAY<STRING>".
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT, d DOUBLE, m DECIMAL(5,2))
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT sha2(action, split(action, ',')) FROM events;
