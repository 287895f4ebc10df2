-- expect: 5:43: Limits are not supported on streaming DataFrames/Datasets in Update output mode
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT action FROM events LIMIT 10 WITH (outputMode = 'update');
