-- expect: 5:47: The second argument in first should be a boolean literal.
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT action, first_value(n, n > 1) FROM events GROUP BY action WITH (outputMode = 'update');
