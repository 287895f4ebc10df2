-- expect: 5:66: syntax error: WITH ROLLUP follows only a list of expressions
CREATE SOURCE ev (a STRING, b STRING, n INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT a, count(*) FROM ev GROUP BY ROLLUP(a), b WITH ROLLUP WITH (outputMode = 'update');
