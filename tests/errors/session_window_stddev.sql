-- expect: 6:17: stddev_samp in a session window aggregation is not supported yet
CREATE SOURCE events (time TIMESTAMP, user_id STRING, n INT, WATERMARK FOR time AS time - INTERVAL '10 minutes')
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out
SELECT user_id, stddev(n) AS sd FROM events
GROUP BY user_id, session_window(time, '5 minutes')
WITH (outputMode = 'complete');
