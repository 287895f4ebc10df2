-- expect: 5:56: The format is invalid: '%\\x%'. The escape character is not allowed to precede 'x'.
CREATE SOURCE s (a INT, s STRING, f BOOLEAN, d DOUBLE)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT a FROM s WHERE a > 0 AND s LIKE '%\\x%';
