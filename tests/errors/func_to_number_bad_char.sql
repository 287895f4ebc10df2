-- expect: 5:37: [INVALID_FORMAT.UNEXPECTED_TOKEN] The format is invalid: '99X'. Found the unexpected character 'X'' in the format string; the structure of the format string must match: `[MI|S]` `[$]` `[0|9|G|,]*` `[.|D]` `[0|9]*` `[$]` `[PR|MI|S]`.
CREATE SOURCE events (s STRING, n INT, flag BOOLEAN)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT to_number(s, '99x') FROM events;
