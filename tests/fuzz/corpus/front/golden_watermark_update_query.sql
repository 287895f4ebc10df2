-- Semantics reference §3.4 in update mode, a 10-minute watermark, 10-minute windows.
-- Three runs, each after new data arrived; the checkpoint carries state and watermark.
CREATE SOURCE events (
    time TIMESTAMP,
    action STRING,
    WATERMARK FOR time AS time - INTERVAL '10 minutes'
) WITH (connector = 'files', path = 'data/events', format = 'json', maxFilesPerTrigger = 1);

CREATE SINK out WITH (connector = 'console', truncate = false);

INSERT INTO out
SELECT window(time, '10 minutes') AS window, count(*) AS count
FROM events
GROUP BY window(time, '10 minutes')
WITH (name = 'counts', outputMode = 'update', checkpointLocation = 'chk');
