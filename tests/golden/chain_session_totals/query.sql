-- Sessions of activity per action (session_window, a 10-minute gap) totalled per action and
-- hour: window(session, '1 hour') is window(window_time(session), '1 hour') (Spark 3.4+'s
-- TimeWindowing), the session's last microsecond.  Two chained stateful operators in append
-- mode, restarted after each step with both states.
CREATE SOURCE events (
    time TIMESTAMP,
    action STRING,
    WATERMARK FOR time AS time - INTERVAL '10 minutes'
) WITH (connector = 'files', path = 'data/events', format = 'json', maxFilesPerTrigger = 1);

CREATE SINK out WITH (connector = 'console', truncate = false);

INSERT INTO out
SELECT action, window(session, '1 hour') AS hour, sum(n) AS total,
       count(*) AS sessions
FROM (SELECT action, session_window(time, '10 minutes') AS session, count(*) AS n
      FROM events
      GROUP BY action, session_window(time, '10 minutes')) AS s
GROUP BY action, window(session, '1 hour')
WITH (name = 'session_totals', outputMode = 'append', checkpointLocation = 'chk');
