-- expect: 7:22: Global aggregation with session window in streaming query is not supported.
CREATE SOURCE events (time TIMESTAMP, user_id STRING, action STRING, WATERMARK FOR time AS time - INTERVAL '10 minutes')
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out
SELECT session_window(time, '5 minutes') AS s, count(*) AS n
FROM events GROUP BY session_window(time, '5 minutes')
WITH (outputMode = 'complete');
