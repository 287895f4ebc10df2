-- expect: 7:17: dropDuplicatesWithinWatermark is not supported on streaming DataFrames/DataSets without watermark
CREATE SOURCE events (time TIMESTAMP, user_id STRING, action STRING, WATERMARK FOR time AS time - INTERVAL '10 minutes')
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out
SELECT * FROM (SELECT user_id, action FROM events DROP DUPLICATES (user_id, time))
DROP DUPLICATES WITHIN WATERMARK (action);
