-- STRUCT, ARRAY and MAP values of min/max, max_by/min_by and first/last over session windows
-- in append mode, restarted between the steps: a session merges its parts' buffers in merge
-- order (MergingSessionsIterator), comparing nested values with the query's types as `<`
-- orders them (a NULL field or element first, -0.0 = 0.0): Max/Min keep the left (the
-- session's) value on a tie (Greatest/Least), MaxBy/MinBy the right (the part's) one.
CREATE SOURCE events (
    user STRING,
    time TIMESTAMP,
    v STRING,
    n INT,
    x DOUBLE,
    WATERMARK FOR time AS time - INTERVAL '10 minutes'
) WITH (connector = 'files', path = 'data/events', format = 'json', maxFilesPerTrigger = 1);

CREATE SINK out WITH (connector = 'console', truncate = false);

INSERT INTO out
SELECT user, session_window AS session, max(array(x, n)) AS mx,
       min(named_struct('n', n, 'v', v)) AS mn, max_by(named_struct('v', v, 'x', x), n) AS mb,
       min_by(v, array(n, x)) AS nb, last(map('k', n)) AS lm, first(array(v)) AS fa,
       count(*) AS c
FROM events
GROUP BY user, session_window(time, '5 minutes')
WITH (name = 'sessions', outputMode = 'append', checkpointLocation = 'chk');
