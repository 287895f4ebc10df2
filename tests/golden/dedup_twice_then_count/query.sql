-- Spark's dropDuplicates("id").dropDuplicates("grp", "v").groupBy("grp").count() in complete
-- mode: three stateful operators, restarted from their checkpoint with every state.
CREATE SOURCE events (
    id BIGINT,
    grp STRING,
    v STRING
) WITH (connector = 'files', path = 'data/events', format = 'json');

CREATE SINK out WITH (connector = 'console');

INSERT INTO out
SELECT grp, count(*) AS n
FROM (SELECT * FROM (SELECT * FROM events DROP DUPLICATES (id)) DROP DUPLICATES (grp, v))
GROUP BY grp
ORDER BY grp
WITH (name = 'dedup2_count', outputMode = 'complete', checkpointLocation = 'chk');
