-- expect: 5:43: syntax error: unexpected ')', expected operator or FROM
CREATE SOURCE events (s STRING, n INT, flag BOOLEAN)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT overlay(s PLACING s) FROM events;
