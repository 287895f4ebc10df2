-- expect: 5:28: function 'len' expects a string as argument 1, but 'a' is of type array<int>
CREATE SOURCE events (s STRING, n INT, a ARRAY<INT>)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT len(a) FROM events;
