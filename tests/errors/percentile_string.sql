-- expect: 5:43: function 'percentile' expects a numeric argument, but 'action' is of type string
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT action, percentile(action, 0.5) FROM events GROUP BY action WITH (outputMode = 'update');
