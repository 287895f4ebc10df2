-- One batch reads three files longest first (c, b, a, as Spark's file scan orders them), so
-- each file's times come before the last one's: per user, the rows of a time are aggregated
-- apart in the order they arrive, then merged in order of the session starts.
--   u1: 10:00 (c: 9, a: 1), 10:04 (b: 3), 10:08 (c: 6) -> [10:00, 10:13) n 4, first 9, last 6
--       10:20 (b: 4), 10:24 (c: 7)                      -> [10:20, 10:29) n 2, first 4, last 7
--   u2: 10:01 (a: 2), 10:20 (b: 5), 10:30 (c: 8)        -> three sessions of one row each
CREATE SOURCE events (user STRING, time TIMESTAMP, v INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console', truncate = false);
INSERT INTO out
SELECT user, session_window(time, '5 minutes') AS session, count(*) AS n, sum(v) AS s,
       first(v) AS f, last(v) AS l
FROM events
GROUP BY user, session_window(time, '5 minutes') ORDER BY user, session
WITH (name = 'sessions', outputMode = 'complete');
