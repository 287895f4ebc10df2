-- session_window in every grouping set of a stream, append mode, a restart between the steps:
-- each set merges its own sessions (per user, and across users for the rolled-up set), which
-- are written once the watermark passes their end.
CREATE SOURCE events (
    user STRING,
    time TIMESTAMP,
    WATERMARK FOR time AS time - INTERVAL '10 minutes'
) WITH (connector = 'files', path = 'data/events', format = 'json', maxFilesPerTrigger = 1);

CREATE SINK out WITH (connector = 'console', truncate = false);

INSERT INTO out
SELECT user, session_window AS session, grouping_id() AS gid, count(*) AS n
FROM events
GROUP BY session_window(time, '5 minutes'), ROLLUP(user)
WITH (name = 'sessions', outputMode = 'append', checkpointLocation = 'chk');
