-- expect: 5:44: Cannot infer grouping columns for GROUP BY ALL based on the select clause. Please explicitly specify the grouping columns.
CREATE SOURCE s (a INT, s STRING, f BOOLEAN, d DOUBLE)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT a + count(*) FROM s GROUP BY ALL WITH (outputMode = 'complete');
