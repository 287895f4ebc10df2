-- expect: 5:37: to_binary with a format that is not a literal is not supported yet
CREATE SOURCE events (s STRING, n INT, a ARRAY<INT>)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT to_binary(s, lower('HEX')) FROM events;
