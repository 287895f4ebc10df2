-- expect: 5:47: FILTER is only allowed with an aggregate function, and 'upper' is not one
CREATE SOURCE s (a INT, s STRING, f BOOLEAN, d DOUBLE)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT upper(s) FILTER (WHERE a > 1) FROM s;
