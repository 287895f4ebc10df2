-- expect: 7:17: session_window() is only supported as a GROUP BY key
-- expect: 9:17: this session_window() does not match the window of the GROUP BY clause
CREATE SOURCE events (time TIMESTAMP, user_id STRING, action STRING, WATERMARK FOR time AS time - INTERVAL '10 minutes')
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out
SELECT user_id, session_window(time, '5 minutes') AS s FROM events;
INSERT INTO out
SELECT user_id, session_window(time, '9 minutes') AS s, count(*) FROM events
GROUP BY user_id, session_window(time, '5 minutes') WITH (outputMode = 'complete');
