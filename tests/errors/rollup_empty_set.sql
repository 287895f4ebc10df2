-- expect: 5:53: Empty set in ROLLUP grouping sets is not supported.
CREATE SOURCE ev (a STRING, b STRING, n INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT a, count(*) FROM ev GROUP BY ROLLUP(a, ()) WITH (outputMode = 'update');
