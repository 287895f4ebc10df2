-- Spark's dropDuplicatesWithinWatermark("id").dropDuplicatesWithinWatermark("grp"): two
-- StreamingDeduplicateWithinWatermarkExec, each key expiring at its first event time plus
-- the delay in its own state, restarted from their checkpoint.
CREATE SOURCE events (
    id BIGINT,
    grp STRING,
    time TIMESTAMP,
    WATERMARK FOR time AS time - INTERVAL '10 minutes'
) WITH (connector = 'files', path = 'data/events', format = 'json');

CREATE SINK out WITH (connector = 'console', truncate = false);

INSERT INTO out
SELECT id, grp, time FROM (SELECT * FROM events DROP DUPLICATES WITHIN WATERMARK (id))
DROP DUPLICATES WITHIN WATERMARK (grp)
WITH (name = 'dedup2w', checkpointLocation = 'chk');
