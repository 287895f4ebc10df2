-- Spark's dropDuplicatesWithinWatermark("id") with a watermark: the first row of each key is kept,
-- rows at or before the watermark are dropped as late, a key is forgotten once the
-- watermark passes its first event time plus the delay.
CREATE SOURCE events (
    id BIGINT,
    time TIMESTAMP,
    v STRING,
    WATERMARK FOR time AS time - INTERVAL '10 minutes'
) WITH (connector = 'files', path = 'data/events', format = 'json', maxFilesPerTrigger = 1);

CREATE SINK out WITH (connector = 'console', truncate = false);

INSERT INTO out
SELECT id, time, v FROM events
DROP DUPLICATES WITHIN WATERMARK (id)
WITH (name = 'dedup', checkpointLocation = 'chk');
