-- expect: 5:24: function 'shuffle' takes 1 argument, but 2 were given
CREATE SOURCE events (s STRING, n INT, a ARRAY<INT>)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT shuffle(a, 42) FROM events;
