-- expect: 5:53: percentile_approx with a percentage other than a numeric literal is not supported yet
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT, d DOUBLE, ok BOOLEAN)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT action, percentile_approx(n, 0.25 + 0.25) FROM events GROUP BY action WITH (outputMode = 'update');
