-- expect: 7:52: session_window gap must be a constant interval (a per-row gap expression is not supported)
CREATE SOURCE events (time TIMESTAMP, user_id STRING, action STRING, WATERMARK FOR time AS time - INTERVAL '10 minutes')
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out
SELECT user_id, count(*) AS n
FROM events GROUP BY user_id, session_window(time, CASE WHEN action = 'x' THEN '1 minute' ELSE '5 minutes' END)
WITH (outputMode = 'complete');
