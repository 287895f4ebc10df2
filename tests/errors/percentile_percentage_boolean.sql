-- expect: 5:46: [DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] Cannot resolve "percentile(n, true, 1)" due to data type mismatch: Parameter 2 requires the "DOUBLE" type, however "true" has the type "BOOLEAN".
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT, d DOUBLE, ok BOOLEAN)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT action, percentile(n, true) FROM events GROUP BY action WITH (outputMode = 'update');
