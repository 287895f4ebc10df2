-- expect: 6:64: LIMIT over an aggregation with more than projections above it, or below another LIMIT, is not supported yet on streaming DataFrames/Datasets
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT action, c
FROM (SELECT action, count(*) AS c FROM events GROUP BY action LIMIT 2) WHERE c > 1
WITH (outputMode = 'complete');
