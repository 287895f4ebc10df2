-- expect: 5:24: function 'raise_error' takes 1 argument, but 0 were given
CREATE SOURCE events (s STRING, n INT, a ARRAY<INT>)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT raise_error() FROM events;
