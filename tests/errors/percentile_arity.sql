-- expect: 5:32: function 'percentile' takes 2 to 3 arguments, but 1 was given
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT action, percentile(n) FROM events GROUP BY action WITH (outputMode = 'update');
