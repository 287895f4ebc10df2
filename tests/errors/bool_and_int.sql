-- expect: 5:33: function 'bool_and' expects a boolean argument, but 'a' is of type int
CREATE SOURCE s (a INT, s STRING, f BOOLEAN, d DOUBLE)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT bool_and(a) FROM s WITH (outputMode = 'complete');
