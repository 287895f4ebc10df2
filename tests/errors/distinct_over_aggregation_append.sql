-- expect: 6:24: SELECT DISTINCT over an aggregation is not supported yet on streaming DataFrames/Datasets; select DISTINCT from the aggregation as a FROM subquery
-- expect: 6:67: Append output mode not supported when there are streaming aggregations on streaming DataFrames/DataSets without watermark
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT DISTINCT action, count(*) AS c FROM events GROUP BY action;
