-- expect: 5:28: [DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] Cannot resolve "chr(split(action, ,, -1))" due to data type mismatch: Parameter 1 requires the "BIGINT" type, however "split(action, ,, -1)" has the type "ARRAY<STRING>".
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT, d DOUBLE, m DECIMAL(5,2))
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT chr(split(action, ',')) FROM events;
