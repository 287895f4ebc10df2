-- collect_list, collect_set, percentile, median and mode over session windows in complete
-- mode, restarted between the steps: every session's values are kept by the session table,
-- merged in Spark's merge order as sessions merge and written to the checkpoint.
CREATE SOURCE events (
    user STRING,
    time TIMESTAMP,
    v STRING,
    x DOUBLE
) WITH (connector = 'files', path = 'data/events', format = 'json', maxFilesPerTrigger = 1);

CREATE SINK out WITH (connector = 'console', truncate = false);

INSERT INTO out
SELECT user, session_window AS session, collect_list(x) AS xs, collect_set(x) AS xset,
       median(x) AS med, percentile(x, 0.25) AS p25, mode(v) AS mv,
       collect_list(struct(v, x)) AS pairs
FROM events
GROUP BY user, session_window(time, '5 minutes')
WITH (name = 'sessions', outputMode = 'complete', checkpointLocation = 'chk');
