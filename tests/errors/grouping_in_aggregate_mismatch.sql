-- expect: 5:50: [GROUPING_COLUMN_MISMATCH] Column of grouping (b) can't be found in grouping columns a.
CREATE SOURCE ev (a STRING, b STRING, n INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT a, count(*) FILTER (WHERE grouping(b) = 1) FROM ev GROUP BY ROLLUP(a) WITH (outputMode = 'update');
