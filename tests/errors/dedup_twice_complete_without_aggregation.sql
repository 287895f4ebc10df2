-- expect: 8:7: Complete output mode not supported when there are no streaming aggregations on streaming DataFrames/Datasets
CREATE SOURCE events (time TIMESTAMP, user_id STRING, action STRING, WATERMARK FOR time AS time - INTERVAL '10 minutes')
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out
SELECT * FROM (SELECT * FROM events DROP DUPLICATES (user_id, time))
DROP DUPLICATES (action)
WITH (outputMode = 'complete');
