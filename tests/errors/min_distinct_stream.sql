-- expect: 6:32: Distinct aggregations are not supported on streaming DataFrames/Datasets. Consider using approx_count_distinct() instead.
-- Refused although EliminateDistinct would drop it: UnsupportedOperationChecker reads the analyzed plan.
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT action, min(DISTINCT n) FROM events GROUP BY action WITH (outputMode = 'update');
