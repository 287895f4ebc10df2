-- The first three windows to close: LIMIT over an append-mode windowed aggregation is Spark's
-- StreamingGlobalLimitExec over StateStoreSaveExec, counting the final groups as they are
-- output, batch after batch.
CREATE SOURCE events (
    time TIMESTAMP,
    action STRING,
    WATERMARK FOR time AS time - INTERVAL '10 minutes'
) WITH (connector = 'files', path = 'data/events', format = 'json', maxFilesPerTrigger = 1);

CREATE SINK out WITH (connector = 'console', truncate = false);

INSERT INTO out
SELECT action, window(time, '10 minutes') AS window, count(*) AS count
FROM events
GROUP BY action, window(time, '10 minutes')
LIMIT 3
WITH (name = 'first_windows', outputMode = 'append', checkpointLocation = 'chk');
