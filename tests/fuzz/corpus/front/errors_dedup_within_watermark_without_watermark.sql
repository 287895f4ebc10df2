-- expect: 6:63: dropDuplicatesWithinWatermark is not supported on streaming DataFrames/DataSets without watermark
CREATE SOURCE events (time TIMESTAMP, user_id STRING, action STRING)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out
SELECT * FROM events WHERE action IS NOT NULL DROP DUPLICATES WITHIN WATERMARK (user_id);
