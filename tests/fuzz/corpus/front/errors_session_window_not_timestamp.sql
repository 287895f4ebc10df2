-- expect: 6:76: function 'session_window' expects a timestamp as argument 1, but 'action' is of type string
CREATE SOURCE events (time TIMESTAMP, user_id STRING, action STRING, WATERMARK FOR time AS time - INTERVAL '10 minutes')
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out
SELECT user_id, count(*) AS n FROM events GROUP BY user_id, session_window(action, '5 minutes')
WITH (outputMode = 'complete');
