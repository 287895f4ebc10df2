-- expect: 5:45: FILTER expression contains aggregate. It cannot be used in an aggregate function.
CREATE SOURCE s (a INT, s STRING, f BOOLEAN, d DOUBLE)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT sum(a) FILTER (WHERE max(a) > 1) FROM s WITH (outputMode = 'complete');
