-- expect: 5:58: function 'make_timestamp_ltz' expects a number of seconds as argument 6, but 'a' is of type array<int>
CREATE SOURCE events (s STRING, n INT, a ARRAY<INT>)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT make_timestamp_ltz(n, n, n, n, n, a) FROM events;
