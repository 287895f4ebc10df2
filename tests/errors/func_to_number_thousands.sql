-- expect: 5:37: [INVALID_FORMAT.CONT_THOUSANDS_SEPS] The format is invalid: '9,,9'. Thousands separators (, or G) must have digits in between them in the number format.
CREATE SOURCE events (s STRING, n INT, flag BOOLEAN)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT to_number(s, '9,,9') FROM events;
