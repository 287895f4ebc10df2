-- expect: 5:87: Cannot infer grouping columns for GROUP BY ALL based on the select clause. Please explicitly specify the grouping columns.
CREATE TABLE events (time TIMESTAMP, n INT, xs ARRAY<INT>)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT aggregate(collect_list(n), 0, (a, x) -> a + x + n) FROM events GROUP BY ALL;
