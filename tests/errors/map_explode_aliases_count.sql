-- expect: 5:43: The number of aliases supplied in the AS clause does not match the number of columns output by the UDTF expected 3 aliases but got k,v 
CREATE SOURCE e (a INT, m MAP<STRING, INT>)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console');
INSERT INTO o SELECT a, posexplode(m) AS (k, v) FROM e;
