-- expect: 6:24: Append output mode not supported when there are streaming aggregations on streaming DataFrames/DataSets without watermark
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT,
  WATERMARK FOR time AS time - INTERVAL '10 minutes')
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT count(*), max(time) FROM events;
