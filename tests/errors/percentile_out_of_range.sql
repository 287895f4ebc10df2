-- expect: 5:46: [DATATYPE_MISMATCH.VALUE_OUT_OF_RANGE] Cannot resolve "percentile(n, 1.5, 1)" due to data type mismatch: The percentage must be between [0.0, 1.0] (current value = 1.5D).
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT action, percentile(n, 1.5) FROM events GROUP BY action WITH (outputMode = 'update');
