-- expect: 5:32: Function count does not support IGNORE NULLS.
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT action, count(n) IGNORE NULLS FROM events GROUP BY action WITH (outputMode = 'update');
