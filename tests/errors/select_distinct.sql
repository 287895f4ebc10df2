-- expect: 5:24: Append output mode not supported when there are streaming aggregations on streaming DataFrames/DataSets without watermark
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT DISTINCT action FROM events;
