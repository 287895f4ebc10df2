-- expect: 5:53: [DATATYPE_MISMATCH.VALUE_OUT_OF_RANGE] Cannot resolve "percentile_approx(n, array(0.5, 1.5, -1), 10000)" due to data type mismatch: The percentage must be between [0.0, 1.0] (current value = 0.5D,1.5D,-1.0D).
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT, x DECIMAL(10, 2))
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT action, percentile_approx(n, array(0.5, 1.5, -1)) FROM events GROUP BY action WITH (outputMode = 'update');
