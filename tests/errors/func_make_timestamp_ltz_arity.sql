-- expect: 5:24: function 'make_timestamp_ltz' takes 6 to 7 arguments, but 5 were given
CREATE SOURCE events (s STRING, n INT, a ARRAY<INT>)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT make_timestamp_ltz(n, n, n, n, n) FROM events;
