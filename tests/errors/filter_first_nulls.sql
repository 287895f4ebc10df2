-- expect: 5:47: FILTER on first without ignoreNulls = true is not supported yet
CREATE SOURCE s (a INT, s STRING, f BOOLEAN, d DOUBLE)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT first(s) FILTER (WHERE a > 1) FROM s WITH (outputMode = 'complete');
