-- STRING min/max, first/last and max_by/min_by over session windows in append mode, restarted
-- between the steps: a session that the second run's rows join to two stored ones merges their
-- partial aggregates in order of start, a stored session before a row's on a tie of starts
-- (Spark's MergingSortWithSessionWindowStateIterator, then MergingSessionsIterator).
CREATE SOURCE events (
    user STRING,
    time TIMESTAMP,
    v STRING,
    WATERMARK FOR time AS time - INTERVAL '30 minutes'
) WITH (connector = 'files', path = 'data/events', format = 'json', maxFilesPerTrigger = 1);

CREATE SINK out WITH (connector = 'console', truncate = false);

INSERT INTO out
SELECT user, session_window AS session, min(v) AS lo, max(v) AS hi, first(v) AS fst,
       last(v) AS lst, max_by(v, time) AS maxby, min_by(v, time) AS minby
FROM events
GROUP BY user, session_window(time, '5 minutes')
WITH (name = 'sessions', outputMode = 'append', checkpointLocation = 'chk');
