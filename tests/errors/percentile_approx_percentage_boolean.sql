-- expect: 5:53: [DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] Cannot resolve "percentile_approx(n, ok, 10000)" due to data type mismatch: Parameter 2 requires the ("DOUBLE" or "ARRAY<DOUBLE>") type, however "ok" has the type "BOOLEAN".
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT, d DOUBLE, ok BOOLEAN)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT action, percentile_approx(n, ok) FROM events GROUP BY action WITH (outputMode = 'update');
