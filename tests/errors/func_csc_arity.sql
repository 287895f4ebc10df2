-- expect: 5:24: function 'csc' takes 1 argument, but 2 were given
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT csc(n, n) FROM events;
