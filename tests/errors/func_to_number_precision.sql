-- expect: 5:37: [DECIMAL_PRECISION_EXCEEDS_MAX_PRECISION] Decimal precision 40 exceeds max precision 38.
CREATE SOURCE events (s STRING, n INT, flag BOOLEAN)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT to_number(s, '9999999999999999999999999999999999999999') FROM events;
