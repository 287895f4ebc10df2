-- expect: 5:43: function 'assert_true' expects a string as argument 2, but 'a' is of type array<int>
CREATE SOURCE events (s STRING, n INT, a ARRAY<INT>)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT assert_true(n > 0, a) FROM events;
