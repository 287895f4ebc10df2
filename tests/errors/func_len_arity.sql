-- expect: 5:24: function 'len' takes 1 argument, but 2 were given
CREATE SOURCE events (s STRING, n INT, flag BOOLEAN)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT len(s, n) FROM events;
