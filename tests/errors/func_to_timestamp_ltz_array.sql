-- expect: 5:41: function 'to_timestamp_ltz' expects a string or a timestamp as argument 1, but 'a' is of type array<int>
CREATE SOURCE events (s STRING, n INT, a ARRAY<INT>)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT to_timestamp_ltz(a) FROM events;
