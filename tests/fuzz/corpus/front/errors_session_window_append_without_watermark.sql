-- expect: 7:13: Append output mode not supported when there are streaming aggregations on streaming DataFrames/DataSets without watermark
CREATE SOURCE events (time TIMESTAMP, user_id STRING, action STRING)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out
SELECT user_id, session_window(time, '5 minutes') AS s, count(*) AS n
FROM events GROUP BY user_id, session_window(time, '5 minutes');
