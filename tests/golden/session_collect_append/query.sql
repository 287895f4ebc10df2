-- collect_list and collect_set over session windows in append mode, restarted between the
-- steps: each session's values are its parts' (the stored sessions' and the batch's points')
-- in merge order (Spark's MergingSortWithSessionWindowStateIterator, then
-- MergingSessionsIterator), a set rebuilt as CollectSet's buffer is at every stage.
CREATE SOURCE events (
    user STRING,
    time TIMESTAMP,
    v STRING,
    n INT,
    WATERMARK FOR time AS time - INTERVAL '10 minutes'
) WITH (connector = 'files', path = 'data/events', format = 'json', maxFilesPerTrigger = 1);

CREATE SINK out WITH (connector = 'console', truncate = false);

INSERT INTO out
SELECT user, session_window AS session, collect_list(v) AS vs, collect_set(n) AS ns,
       collect_set(v) AS sv, count(*) AS c
FROM events
GROUP BY user, session_window(time, '5 minutes')
WITH (name = 'sessions', outputMode = 'append', checkpointLocation = 'chk');
