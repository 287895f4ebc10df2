-- expect: 5:52: Found an invalid escape string: !!. The escape string must contain only one character.
CREATE SOURCE s (a INT, s STRING, f BOOLEAN, d DOUBLE)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT a FROM s WHERE s LIKE 'a!b' ESCAPE '!!';
