-- Counts over the stream's first five events in complete mode: the LIMIT below the
-- aggregation is Spark's StreamingGlobalLimitExec under the aggregate (the case its
-- StreamingGlobalLimitStrategy plans in complete mode), whose count survives a restart.
CREATE SOURCE events (
    time TIMESTAMP,
    action STRING
) WITH (connector = 'files', path = 'data/events', format = 'json', maxFilesPerTrigger = 1);

CREATE SINK out WITH (connector = 'console');

INSERT INTO out
SELECT action, count(*) AS count
FROM (SELECT action FROM events LIMIT 5)
GROUP BY action
ORDER BY action
WITH (name = 'first_five_counts', outputMode = 'complete', checkpointLocation = 'chk');
