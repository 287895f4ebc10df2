-- expect: 5:32: function 'last' takes 1 to 2 arguments, but 0 were given
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT action, last() FROM events GROUP BY action WITH (outputMode = 'update');
