-- A session window drops late rows after Spark's partial aggregate of each partition (a
-- file of the batch) by (key, the row's own session): SessionWindowStateStoreRestoreExec
-- counts a late (key, time) once per file in numRowsDroppedByWatermark.
CREATE SOURCE events (
    time TIMESTAMP, k STRING,
    WATERMARK FOR time AS time - INTERVAL '5 seconds'
) WITH (connector = 'files', path = 'data/events', format = 'json');

CREATE SINK out WITH (connector = 'console', truncate = false);

INSERT INTO out
SELECT k, session_window(time, '10 seconds') AS w, count(*) AS count
FROM events
GROUP BY k, session_window(time, '10 seconds')
WITH (name = 'sessions', outputMode = 'complete', checkpointLocation = 'chk');
