-- expect: 5:32: [DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] Cannot resolve "corr(n, ok)" due to data type mismatch: Parameter 2 requires the "DOUBLE" type, however "ok" has the type "BOOLEAN".
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT, ok BOOLEAN)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT corr(n, ok) FROM events WITH (outputMode = 'complete');
