-- expect: 5:24: function 'try_to_timestamp' takes 1 to 2 arguments, but 3 were given
CREATE SOURCE events (s STRING, n INT, a ARRAY<INT>)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT try_to_timestamp(s, s, s) FROM events;
