-- percentile_approx over session windows in append mode, restarted between the steps: each
-- session's digest merges its parts' (the stored sessions' and the batch's points', each
-- point's compressed as its serialization compresses it) in merge order into a digest
-- initialized per session (MergingSessionsIterator, ApproximatePercentile.merge:
-- QuantileSummaries.merge, compressed at 2 * relativeError * count); a small accuracy makes
-- every merge compress.  b's last point of s1 has only NULL x; sessions evicted as the
-- watermark passes their end.
CREATE SOURCE events (
    user STRING,
    time TIMESTAMP,
    x DOUBLE,
    n INT,
    WATERMARK FOR time AS time - INTERVAL '10 minutes'
) WITH (connector = 'files', path = 'data/events', format = 'json', maxFilesPerTrigger = 1);

CREATE SINK out WITH (connector = 'console', truncate = false);

INSERT INTO out
SELECT user, session_window AS session, percentile_approx(x, array(0.05, 0.25, 0.5, 0.9, 1.0), 10) AS px,
       approx_percentile(n, 0.5, 20) AS pn, count(x) AS cx, count(*) AS c
FROM events
GROUP BY user, session_window(time, '5 minutes')
WITH (name = 'sessions', outputMode = 'append', checkpointLocation = 'chk');
