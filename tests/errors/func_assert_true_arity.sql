-- expect: 5:24: function 'assert_true' takes 1 to 2 arguments, but 3 were given
CREATE SOURCE events (s STRING, n INT, a ARRAY<INT>)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT assert_true(n > 0, s, s) FROM events;
