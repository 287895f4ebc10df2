-- expect: 5:50: percentile_approx of a value of type decimal(10,2) is not supported yet
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT, x DECIMAL(10, 2))
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT action, percentile_approx(x, 0.5) FROM events GROUP BY action WITH (outputMode = 'update');
