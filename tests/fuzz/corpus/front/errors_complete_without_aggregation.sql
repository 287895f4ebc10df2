-- expect: 5:61: Complete output mode not supported when there are no streaming aggregations on streaming DataFrames/Datasets
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT action FROM events WHERE n > 1 WITH (outputMode = 'complete');
