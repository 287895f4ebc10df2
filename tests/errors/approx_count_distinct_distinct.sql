-- expect: 5:32: Distinct aggregations are not supported on streaming DataFrames/Datasets. Consider using approx_count_distinct() instead.
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT action, approx_count_distinct(DISTINCT n) FROM events GROUP BY action WITH (outputMode = 'update');
