-- DROP DUPLICATES WITHIN WATERMARK keeps a key until the watermark reaches its first row's
-- event time plus the delay (StreamingDeduplicateWithinWatermarkExec: expiresAt); a NULL event
-- time reads as 0 there, so such a key expires at 1970-01-01 00:10:00, as soon as the
-- watermark moves, and its next row is kept again.
CREATE SOURCE events (
    time TIMESTAMP, k STRING, v BIGINT, d DOUBLE,
    WATERMARK FOR time AS time - INTERVAL '10 minutes'
) WITH (connector = 'files', path = 'data/events', format = 'json');

CREATE SINK out WITH (connector = 'console', truncate = false);

INSERT INTO out
SELECT k, time FROM events
DROP DUPLICATES WITHIN WATERMARK (k)
WITH (name = 'dedup', checkpointLocation = 'chk');
