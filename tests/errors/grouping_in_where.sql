-- expect: 5:50: [UNSUPPORTED_GROUPING_EXPRESSION] grouping()/grouping_id() can only be used with GroupingSets/Cube/Rollup.
CREATE SOURCE ev (a STRING, b STRING, n INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT a, count(*) FROM ev WHERE grouping(a) = 0 GROUP BY ROLLUP(a) WITH (outputMode = 'update');
