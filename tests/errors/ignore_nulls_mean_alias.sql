-- expect: 5:32: Function mean does not support IGNORE NULLS.
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT action, MEAN(n) ignore nulls FROM events GROUP BY action WITH (outputMode = 'update');
