-- histogram_numeric over session windows in append mode, restarted between the steps: each
-- session's bins merge its parts' (the stored sessions' and the batch's points') in merge order
-- into a histogram made per session (MergingSessionsIterator, NumericHistogram.merge: a copy
-- into no bins, else both sorted and trimmed), whose java.util.Random(31183) breaks the ties
-- of every trim of that session, merge after merge.  Values on a grid make many equally close
-- pairs; b's last point of s1 has only NULL values; sessions evicted as the watermark passes
-- their end.
CREATE SOURCE events (
    user STRING,
    time TIMESTAMP,
    n INT,
    d DOUBLE,
    WATERMARK FOR time AS time - INTERVAL '10 minutes'
) WITH (connector = 'files', path = 'data/events', format = 'json', maxFilesPerTrigger = 1);

CREATE SINK out WITH (connector = 'console', truncate = false);

INSERT INTO out
SELECT user, session_window AS session, histogram_numeric(n, 3) AS hn,
       histogram_numeric(d, 4) AS hd, count(*) AS c
FROM events
GROUP BY user, session_window(time, '5 minutes')
WITH (name = 'sessions', outputMode = 'append', checkpointLocation = 'chk');
