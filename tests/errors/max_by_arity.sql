-- expect: 5:32: function 'max_by' takes 2 arguments, but 1 was given
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT action, max_by(n) FROM events GROUP BY action WITH (outputMode = 'update');
