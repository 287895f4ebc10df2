-- expect: 6:82: function 'session_window' expects a duration such as '5 minutes' as argument 2
CREATE SOURCE events (time TIMESTAMP, user_id STRING, action STRING, WATERMARK FOR time AS time - INTERVAL '10 minutes')
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out
SELECT user_id, count(*) AS n FROM events GROUP BY user_id, session_window(time, 300000000)
WITH (outputMode = 'complete');
