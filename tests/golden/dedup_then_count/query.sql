-- Spark's dropDuplicates("id").groupBy("action").count() in complete mode: two stateful
-- operators, restarted from their checkpoint with both states.
CREATE SOURCE events (
    id BIGINT,
    action STRING
) WITH (connector = 'files', path = 'data/events', format = 'json', maxFilesPerTrigger = 1);

CREATE SINK out WITH (connector = 'console');

INSERT INTO out
SELECT action, count(*) AS n FROM events
DROP DUPLICATES (id)
GROUP BY action
ORDER BY action
WITH (name = 'dedup_count', outputMode = 'complete', checkpointLocation = 'chk');
