-- expect: 5:53: [DATATYPE_MISMATCH.UNEXPECTED_NULL] Cannot resolve "percentile_approx(n, NULL, 100)" due to data type mismatch: The percentage must not be null.
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT, x DECIMAL(10, 2))
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT action, percentile_approx(n, NULL, 100) FROM events GROUP BY action WITH (outputMode = 'update');
