-- expect: 5:24: function 'pow' takes 2 arguments, but 1 was given
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT pow(n) FROM events;
