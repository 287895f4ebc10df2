-- expect: 5:31: grouping() inside an aggregate function is not supported yet
CREATE SOURCE ev (a STRING, b STRING, n INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT a, sum(grouping(a)) FROM ev GROUP BY ROLLUP(a) WITH (outputMode = 'update');
