-- expect: 5:51: percentile with a frequency argument is not supported yet
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT action, percentile(n, 0.5, 2) FROM events GROUP BY action WITH (outputMode = 'update');
