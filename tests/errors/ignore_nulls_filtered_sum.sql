-- expect: 5:32: Function sum does not support IGNORE NULLS.
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT action, sum(n) FILTER (WHERE n > 1) IGNORE NULLS FROM events GROUP BY action WITH (outputMode = 'update');
