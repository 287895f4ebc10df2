-- Spark's withWatermark("time", "10 minutes").dropDuplicates("id", "time")
-- .groupBy(window("time", "10 minutes")).count() in append mode: a deduplication chained
-- before a windowed aggregation (Spark 3.4+), restarted after each step with both states.
CREATE SOURCE events (
    id BIGINT,
    time TIMESTAMP,
    WATERMARK FOR time AS time - INTERVAL '10 minutes'
) WITH (connector = 'files', path = 'data/events', format = 'json', maxFilesPerTrigger = 1);

CREATE SINK out WITH (connector = 'console', truncate = false);

INSERT INTO out
SELECT window(time, '10 minutes') AS window, count(*) AS count
FROM events
DROP DUPLICATES (id, time)
GROUP BY window(time, '10 minutes')
WITH (name = 'dedup_counts', outputMode = 'append', checkpointLocation = 'chk');
