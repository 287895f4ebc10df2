-- session_window(time, '5 minutes') per user whose aggregates merge exactly (count, sum of a
-- BIGINT, min, max, first, last).  Split into tasks of a line (golden_split), rows of one
-- user at one timestamp sit in several tasks (their partial aggregates merge), a session
-- spans tasks, and after the restart new rows join sessions restored from the checkpoint.
CREATE SOURCE events (
    user STRING,
    time TIMESTAMP,
    v BIGINT,
    WATERMARK FOR time AS time - INTERVAL '10 minutes'
) WITH (connector = 'files', path = 'data/events', format = 'json', maxFilesPerTrigger = 1);

CREATE SINK out WITH (connector = 'console', truncate = false);

INSERT INTO out
SELECT user, session_window(time, '5 minutes') AS session, count(*) AS n, sum(v) AS total,
       min(v) AS lo, max(v) AS hi, first(v) AS head, last(v) AS tail
FROM events
GROUP BY user, session_window(time, '5 minutes')
WITH (name = 'sessions', outputMode = 'append', checkpointLocation = 'chk');
