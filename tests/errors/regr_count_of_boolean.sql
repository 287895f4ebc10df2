-- expect: 5:35: [DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] Cannot resolve "regr_count(ok, n)" due to data type mismatch: Parameter 1 requires the "NUMERIC" type, however "ok" has the type "BOOLEAN".
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT, ok BOOLEAN)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT regr_count(ok, n) FILTER (WHERE n > 0) FROM events WITH (outputMode = 'complete');
