-- expect: 5:52: [INVALID_PARAMETER_VALUE.BINARY_FORMAT] The value of parameter(s) `format` in `to_char` is invalid: expects one of binary formats 'base64', 'hex', 'utf-8', but got 'base32'.
CREATE SOURCE events (s STRING, n INT, flag BOOLEAN)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT to_char(encode(s, 'utf-8'), ' Base32 ') FROM events;
