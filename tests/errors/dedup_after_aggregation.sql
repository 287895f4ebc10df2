-- expect: 9:3: DROP DUPLICATES after an aggregation in Complete output mode is not supported yet
CREATE SOURCE events (time TIMESTAMP, user_id STRING, action STRING, WATERMARK FOR time AS time - INTERVAL '10 minutes')
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out
SELECT * FROM (
  SELECT user_id, window(time, '1 hour') AS w, count(*) AS n FROM events
  GROUP BY user_id, window(time, '1 hour')
) DROP DUPLICATES (user_id)
WITH (outputMode = 'complete');
