-- expect: 5:24: function 'mask' takes 1 to 5 arguments, but 6 were given
CREATE SOURCE events (a ARRAY<INT>, n BIGINT, s STRING, d DOUBLE, b BOOLEAN)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT mask(s, 'a', 'b', 'c', 'd', 'e') FROM events;
