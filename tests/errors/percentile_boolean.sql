-- expect: 5:43: function 'percentile' expects a numeric argument, but 'ok' is of type boolean
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT, ok BOOLEAN)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT action, percentile(ok, 0.5) FROM events GROUP BY action WITH (outputMode = 'update');
