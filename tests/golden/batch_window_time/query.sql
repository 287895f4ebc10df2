-- window_time(window): a window's end minus 1 microsecond (Spark's ResolveWindowTime), of
-- tumbling, sliding and session windows an aggregating subquery made, and an aggregation
-- over it that keys the windows into hours again.
CREATE TABLE events (time TIMESTAMP, user STRING)
  WITH (connector = 'files', path = 'data/events', format = 'json');

SELECT window, window_time(window), n
FROM (SELECT window(time, '30 minutes') AS window, count(*) AS n FROM events
      GROUP BY window(time, '30 minutes'))
ORDER BY 2
WITH (truncate = false);

SELECT window_time(window) AS t, n
FROM (SELECT window(time, '1 hour', '30 minutes') AS window, count(*) AS n FROM events
      GROUP BY window(time, '1 hour', '30 minutes'))
ORDER BY t
WITH (truncate = false);

SELECT user, window_time(session) AS last, n
FROM (SELECT user, session_window(time, '10 minutes') AS session, count(*) AS n FROM events
      GROUP BY user, session_window(time, '10 minutes'))
ORDER BY user, last
WITH (truncate = false);

SELECT window(window_time(window), '1 hour') AS hour, sum(n) AS total, count(*) AS windows
FROM (SELECT window(time, '30 minutes') AS window, count(*) AS n FROM events
      GROUP BY window(time, '30 minutes'))
GROUP BY window(window_time(window), '1 hour')
ORDER BY hour
WITH (truncate = false);

-- an aggregation over session windows (their groups feed it, as a window's do)
SELECT user, sum(n) AS total, count(*) AS sessions
FROM (SELECT user, session_window(time, '10 minutes') AS session, count(*) AS n FROM events
      GROUP BY user, session_window(time, '10 minutes'))
GROUP BY user
ORDER BY user;

-- a window column as window()'s time column stands for its window_time (TimeWindowing)
SELECT window(window, '1 hour') AS hour, sum(n) AS total
FROM (SELECT window(time, '30 minutes') AS window, count(*) AS n FROM events
      GROUP BY window(time, '30 minutes'))
GROUP BY window(window, '1 hour')
ORDER BY hour
WITH (truncate = false);

-- DROP DUPLICATES over an aggregation's rows: the distinct counts of the 30-minute windows
SELECT count(*) AS distinct_counts
FROM (SELECT n FROM (SELECT window(time, '30 minutes') AS window, count(*) AS n FROM events
                     GROUP BY window(time, '30 minutes'))
      DROP DUPLICATES (n));
