-- expect: 5:38: function 'overlay' expects an integer as argument 3, but 'flag' is of type boolean
CREATE SOURCE events (s STRING, n INT, flag BOOLEAN)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT overlay(s, s, flag) FROM events;
