-- Spark's dropDuplicates("id", "time") with a watermark: the first row of each key is kept,
-- rows at or before the watermark are dropped as late, keys are forgotten once the
-- watermark passes their event time.
CREATE SOURCE events (
    id BIGINT,
    time TIMESTAMP,
    v STRING,
    WATERMARK FOR time AS time - INTERVAL '10 minutes'
) WITH (connector = 'files', path = 'data/events', format = 'json', maxFilesPerTrigger = 1);

CREATE SINK out WITH (connector = 'console', truncate = false);

INSERT INTO out
SELECT id, time, v FROM events
DROP DUPLICATES (id, time)
WITH (name = 'dedup', checkpointLocation = 'chk');
