-- expect: 5:24: function 'nvl' takes 2 arguments, but 3 were given
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT nvl(n, n, n) FROM events;
