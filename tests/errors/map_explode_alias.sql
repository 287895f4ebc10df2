-- expect: 5:39: The number of aliases supplied in the AS clause does not match the number of columns output by the UDTF expected 2 aliases but got kv 
CREATE SOURCE e (a INT, m MAP<STRING, INT>)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console');
INSERT INTO o SELECT a, explode(m) AS kv FROM e;
