-- expect: 5:37: [INVALID_FORMAT.EMPTY] The format is invalid: ''. The number format string cannot be empty.
CREATE SOURCE events (s STRING, n INT, flag BOOLEAN)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT to_number(s, '') FROM events;
