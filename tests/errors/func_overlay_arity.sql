-- expect: 5:24: function 'overlay' takes 3 to 4 arguments, but 2 were given
CREATE SOURCE events (s STRING, n INT, flag BOOLEAN)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT overlay(s, s) FROM events;
