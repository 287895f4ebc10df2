-- expect: 5:38: Function coalesce does not support IGNORE NULLS.
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT action, first(coalesce(n, 0) IGNORE NULLS) FROM events GROUP BY action WITH (outputMode = 'update');
