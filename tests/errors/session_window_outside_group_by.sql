-- expect: 7:50: session_window() is only supported as a GROUP BY key or in the SELECT list of a query without aggregation
-- expect: 9:17: this session_window() does not match the window of the GROUP BY clause
-- expect: 13:19: GROUP BY a session_window column of a subquery is not supported yet (Spark merges its sessions); group by session_window() itself
CREATE SOURCE events (time TIMESTAMP, user_id STRING, action STRING, WATERMARK FOR time AS time - INTERVAL '10 minutes')
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT user_id FROM events WHERE session_window(time, '5 minutes').end > time;
INSERT INTO out
SELECT user_id, session_window(time, '9 minutes') AS s, count(*) FROM events
GROUP BY user_id, session_window(time, '5 minutes') WITH (outputMode = 'complete');
INSERT INTO out
SELECT user_id, count(*) FROM (SELECT user_id, session_window(time, '5 minutes') AS s FROM events)
GROUP BY user_id, s;
-- accepted (SessionWindowing rewrites a projection too): each row's own session [time, time + gap)
INSERT INTO out SELECT user_id, session_window(time, '5 minutes') AS s FROM events;
