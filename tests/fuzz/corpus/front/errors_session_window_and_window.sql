-- expect: 7:43: Multiple time/session window expressions would result in a cartesian product of rows, therefore they are currently not supported.
CREATE SOURCE events (time TIMESTAMP, user_id STRING, action STRING, WATERMARK FOR time AS time - INTERVAL '10 minutes')
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out
SELECT user_id, count(*) AS n FROM events
GROUP BY user_id, window(time, '1 hour'), session_window(time, '5 minutes')
WITH (outputMode = 'complete');
