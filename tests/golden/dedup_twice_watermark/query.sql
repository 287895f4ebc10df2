-- Spark's dropDuplicates("id", "time").dropDuplicates("grp", "time") with a watermark: two
-- StreamingDeduplicateExec, each with its own state, late rows and eviction by the watermark
-- (the outer one sees the rows the inner one kept), restarted from their checkpoint.
CREATE SOURCE events (
    id BIGINT,
    grp STRING,
    time TIMESTAMP,
    v STRING,
    WATERMARK FOR time AS time - INTERVAL '10 minutes'
) WITH (connector = 'files', path = 'data/events', format = 'json');

CREATE SINK out WITH (connector = 'console', truncate = false);

INSERT INTO out
SELECT id, grp, time, v FROM (SELECT * FROM events DROP DUPLICATES (id, time))
DROP DUPLICATES (grp, time)
WITH (name = 'dedup2', checkpointLocation = 'chk');
