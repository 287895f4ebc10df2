-- expect: 5:47: FILTER expects a boolean expression, but 'a' is of type int
CREATE SOURCE s (a INT, s STRING, f BOOLEAN, d DOUBLE)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT count(*) FILTER (WHERE a) FROM s WITH (outputMode = 'complete');
