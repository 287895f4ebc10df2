-- expect: 5:46: The format is invalid: 'ab\\'. The escape character is not allowed to end with.
CREATE SOURCE s (a INT, s STRING, f BOOLEAN, d DOUBLE)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT a FROM s WHERE s LIKE 'ab\\';
