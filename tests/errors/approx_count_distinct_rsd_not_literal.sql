-- expect: 5:62: The second argument should be a double literal.
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT action, approx_count_distinct(action, 1) FROM events GROUP BY action WITH (outputMode = 'update');
