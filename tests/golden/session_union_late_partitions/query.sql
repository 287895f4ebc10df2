-- A session window over a UNION ALL of two sources whose first batch is all late (before
-- the epoch, the first watermark): Spark's partial aggregate runs on each partition of the
-- union (UnionExec's partitions are its branches' in turn), so SessionWindowStateStoreRestoreExec
-- drops, and counts, a (key, session) once per partition: the two (a, 00:00:04) rows of one
-- file once, the one of the other branch again.
CREATE SOURCE events (
    time TIMESTAMP, k STRING, v BIGINT, d DOUBLE,
    WATERMARK FOR time AS time - INTERVAL '10 seconds'
) WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SOURCE events2 (
    t2 TIMESTAMP, k STRING, v BIGINT, d DOUBLE,
    WATERMARK FOR t2 AS t2 - INTERVAL '10 seconds'
) WITH (connector = 'files', path = 'data/events2', format = 'json');
CREATE SINK out WITH (connector = 'console', truncate = false);

INSERT INTO out
SELECT k, session_window(time, '3 seconds') AS w, count(*) AS count
FROM (SELECT time, k, v, d FROM events UNION ALL SELECT t2, k, v, d FROM events2) AS u
GROUP BY k, session_window(time, '3 seconds')
WITH (name = 'q', outputMode = 'complete', checkpointLocation = 'chk');
