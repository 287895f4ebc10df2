-- expect: 5:24: function 'to_number' takes 2 arguments, but 1 was given
CREATE SOURCE events (s STRING, n INT, flag BOOLEAN)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT to_number(s) FROM events;
