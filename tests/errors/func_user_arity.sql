-- expect: 5:24: function 'user' takes 0 arguments, but 1 was given
CREATE SOURCE events (s STRING, n INT, a ARRAY<INT>)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT user(1) FROM events;
