-- expect: 5:24: [GROUPING_ID_COLUMN_MISMATCH] Columns of grouping_id (b,a) does not match grouping columns (a,b).
CREATE SOURCE ev (a STRING, b STRING, n INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT grouping_id(b, a), count(*) FROM ev GROUP BY CUBE(a, b) WITH (outputMode = 'update');
