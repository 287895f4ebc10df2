-- DOUBLE sum/avg and first/last in session windows, rows out of order: per batch, each
-- timestamp's rows are aggregated apart, then merged with the state in order of start.
CREATE SOURCE events (user STRING, time TIMESTAMP, x DOUBLE)
  WITH (connector = 'files', path = 'data/events', format = 'json', maxFilesPerTrigger = 1);
CREATE SINK out WITH (connector = 'console', truncate = false);
INSERT INTO out
SELECT user, session_window(time, '1 minute') AS session, sum(x) AS s, avg(x) AS a,
       first(x) AS f, last(x) AS l, count(*) AS n
FROM events
GROUP BY user, session_window(time, '1 minute') ORDER BY user
WITH (name = 'sessions', outputMode = 'complete');
