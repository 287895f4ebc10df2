-- expect: 5:24: a map key must be of the map's key type string, but 'true' is of type boolean
CREATE SOURCE e (a INT, s STRING, m MAP<STRING, INT>)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console');
INSERT INTO o SELECT m[true] FROM e;
