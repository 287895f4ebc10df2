-- expect: 5:30: [DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] Cannot resolve "isnan((n > 0))" due to data type mismatch: Parameter 1 requires the ("DOUBLE" or "FLOAT") type, however "(n > 0)" has the type "BOOLEAN".
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT, d DATE, x DOUBLE)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT isnan(n > 0) FROM events;
