-- expect: 5:47: The format is invalid: 'a!b'. The escape character is not allowed to precede 'b'.
CREATE SOURCE s (a INT, s STRING, f BOOLEAN, d DOUBLE)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT a FROM s WHERE s ILIKE 'a!b' ESCAPE '!';
