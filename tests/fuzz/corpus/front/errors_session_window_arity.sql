-- expect: 6:56: function 'session_window' takes 2 arguments, but 3 were given
CREATE SOURCE events (time TIMESTAMP, user_id STRING, action STRING, WATERMARK FOR time AS time - INTERVAL '10 minutes')
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out
SELECT user_id, count(*) FROM events GROUP BY user_id, session_window(time, '5 minutes', '1 minute')
WITH (outputMode = 'complete');
