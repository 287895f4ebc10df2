-- expect: 5:58: [DATATYPE_MISMATCH.VALUE_OUT_OF_RANGE] Cannot resolve "approx_percentile(n, 0.5, 0)" due to data type mismatch: The accuracy must be between (0, 2147483647] (current value = 0L).
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT, x DECIMAL(10, 2))
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT action, approx_percentile(n, 0.5, 0) FROM events GROUP BY action WITH (outputMode = 'update');
