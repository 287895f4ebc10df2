-- expect: 5:52: cannot resolve column 'y' (available: k, arr, m)
CREATE SOURCE s (k STRING, arr ARRAY<INT>, m MAP<STRING, INT>)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console');
INSERT INTO o SELECT k FROM s LATERAL VIEW explode(y) u LATERAL VIEW explode(arr) t AS y;
