-- expect: 5:28: [MULTI_ALIAS_WITHOUT_GENERATOR] Multi part aliasing (x, y) is not supported with a as it is not a generator function.
CREATE SOURCE e (a INT, m MAP<STRING, INT>)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console');
INSERT INTO o SELECT a AS (x, y) FROM e;
