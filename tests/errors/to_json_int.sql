-- expect: 5:32: function 'to_json' expects a struct, an array or a map as argument 1, but 'a' is of type int
CREATE SOURCE s (a INT, s STRING, f BOOLEAN, d DOUBLE)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT to_json(a) FROM s;
