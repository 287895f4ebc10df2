-- expect: 6:82: The session window gap duration (0 seconds) must be greater than 0.
CREATE SOURCE events (time TIMESTAMP, user_id STRING, action STRING, WATERMARK FOR time AS time - INTERVAL '10 minutes')
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out
SELECT user_id, count(*) AS n FROM events GROUP BY user_id, session_window(time, '0 seconds')
WITH (outputMode = 'complete');
