-- expect: 7:31: Update output mode not supported for session window on streaming DataFrames/DataSets
CREATE SOURCE events (time TIMESTAMP, user_id STRING, action STRING, WATERMARK FOR time AS time - INTERVAL '10 minutes')
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out
SELECT user_id, session_window(time, '5 minutes') AS s, count(*) AS n
FROM events GROUP BY user_id, session_window(time, '5 minutes')
WITH (outputMode = 'update');
