-- expect: 5:46: percentile with a percentage other than a numeric literal is not supported yet
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT action, percentile(n, n) FROM events GROUP BY action WITH (outputMode = 'update');
