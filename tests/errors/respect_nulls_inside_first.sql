-- expect: 5:40: syntax error: unexpected RESPECT NULLS
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT action, first(n RESPECT NULLS) FROM events GROUP BY action WITH (outputMode = 'update');
