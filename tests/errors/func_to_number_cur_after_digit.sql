-- expect: 5:37: [INVALID_FORMAT.CUR_MUST_BEFORE_DIGIT] The format is invalid: '999$'. Currency characters must appear before digits in the number format.
CREATE SOURCE events (s STRING, n INT, flag BOOLEAN)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT to_number(s, '999$') FROM events;
