-- expect: 5:32: function 'median' takes 1 argument, but 2 were given
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT action, median(n, 0.5) FROM events GROUP BY action WITH (outputMode = 'update');
