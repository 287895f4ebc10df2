-- expect: 5:41: [INVALID_FORMAT.WRONG_NUM_TOKEN] The format is invalid: '9.9D9'. At most one . or D is allowed in the number format.
CREATE SOURCE events (s STRING, n INT, flag BOOLEAN)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT try_to_number(s, '9.9d9') FROM events;
