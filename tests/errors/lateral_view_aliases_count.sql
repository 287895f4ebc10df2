-- expect: 5:62: The number of aliases supplied in the AS clause does not match the number of columns output by the UDTF expected 2 aliases but got x 
CREATE SOURCE s (k STRING, arr ARRAY<INT>, m MAP<STRING, INT>)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console');
INSERT INTO o SELECT k FROM s LATERAL VIEW posexplode(arr) t AS x;
