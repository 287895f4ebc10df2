-- DROP DUPLICATES whose keys and query do not read the event time: ColumnPruning leaves it out
-- of the deduplication's input, so Spark's StreamingDeduplicateExec has no watermark
-- predicate and drops no late rows (it still runs no-data batches when the watermark moves).
CREATE SOURCE events (
    time TIMESTAMP, k STRING, v BIGINT, d DOUBLE,
    WATERMARK FOR time AS time - INTERVAL '10 minutes'
) WITH (connector = 'files', path = 'data/events', format = 'json');

CREATE SINK out WITH (connector = 'console', truncate = false);

INSERT INTO out
SELECT k FROM events
DROP DUPLICATES (k)
WITH (name = 'dedup', checkpointLocation = 'chk');
