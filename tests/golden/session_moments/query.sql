-- The central moments, corr, covar and regr_* over session windows in append mode, restarted
-- between the steps: each point (key, timestamp) aggregates its rows from zero in input order,
-- then MergingSessionsIterator merges the points and stored sessions of a key in order of start
-- (a stored session first on a tie) into an initialized buffer, so a session made of two stored
-- ones and the second run's rows rounds as Spark's does.
CREATE SOURCE events (
    user STRING,
    time TIMESTAMP,
    x DOUBLE,
    y DOUBLE,
    WATERMARK FOR time AS time - INTERVAL '30 minutes'
) WITH (connector = 'files', path = 'data/events', format = 'json', maxFilesPerTrigger = 1);

CREATE SINK out WITH (connector = 'console', truncate = false);

INSERT INTO out
SELECT user, session_window AS session, var_pop(x) AS vp, stddev_samp(x) AS sds,
       skewness(x) AS sk, kurtosis(x) AS ku, corr(x, y) AS c, covar_samp(x, y) AS cs,
       regr_slope(y, x) AS sl, regr_intercept(y, x) AS ic
FROM events
GROUP BY user, session_window(time, '5 minutes')
WITH (name = 'sessions', outputMode = 'append', checkpointLocation = 'chk');
