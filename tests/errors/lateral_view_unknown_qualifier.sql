-- expect: 5:22: cannot resolve column 'u.x' (available: k, arr, m, x)
CREATE SOURCE s (k STRING, arr ARRAY<INT>, m MAP<STRING, INT>)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console');
INSERT INTO o SELECT u.x FROM s LATERAL VIEW explode(arr) t AS x;
