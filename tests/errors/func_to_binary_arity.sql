-- expect: 5:24: function 'to_binary' takes 1 to 2 arguments, but 0 were given
CREATE SOURCE events (s STRING, n INT, a ARRAY<INT>)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT to_binary() FROM events;
