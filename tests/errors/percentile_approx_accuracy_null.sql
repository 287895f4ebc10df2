-- expect: 5:58: percentile_approx with a NULL accuracy is not supported (Spark 3.5 fails with a NullPointerException)
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT, d DOUBLE, ok BOOLEAN)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT action, percentile_approx(n, 0.5, NULL) FROM events GROUP BY action WITH (outputMode = 'update');
