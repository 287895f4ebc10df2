-- session_window(time, '5 minutes') per user in append mode: a row opens [t, t + 5 min),
-- sessions of a user that overlap or touch merge.  Two runs, the checkpoint in between.
CREATE SOURCE events (
    user STRING,
    time TIMESTAMP,
    WATERMARK FOR time AS time - INTERVAL '10 minutes'
) WITH (connector = 'files', path = 'data/events', format = 'json', maxFilesPerTrigger = 1);

CREATE SINK out WITH (connector = 'console', truncate = false);

INSERT INTO out
SELECT user, session_window(time, '5 minutes') AS session, count(*) AS n, min(time) AS first
FROM events
GROUP BY user, session_window(time, '5 minutes')
WITH (name = 'sessions', outputMode = 'append', checkpointLocation = 'chk');
