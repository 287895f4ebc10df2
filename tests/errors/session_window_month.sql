-- expect: 6:82: a session_window gap with months ('1 month') is not supported yet (Spark ends each row's session at its time plus the months)
CREATE SOURCE events (time TIMESTAMP, user_id STRING, action STRING, WATERMARK FOR time AS time - INTERVAL '10 minutes')
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out
SELECT user_id, count(*) AS n FROM events GROUP BY user_id, session_window(time, '1 month')
WITH (outputMode = 'complete');
