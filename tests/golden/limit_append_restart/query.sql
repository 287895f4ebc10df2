-- The first five events of the stream, whatever batch they come in: LIMIT in a subquery under
-- projections is Spark's StreamingGlobalLimitExec, whose count of rows let through is
-- checkpointed (state/3/), so it survives each restart.
CREATE SOURCE events (
    time TIMESTAMP,
    action STRING,
    n INT
) WITH (connector = 'files', path = 'data/events', format = 'json', maxFilesPerTrigger = 1);

CREATE SINK out WITH (connector = 'console');

INSERT INTO out
SELECT upper(action) AS action, n * 10 AS n10
FROM (SELECT action, n FROM events LIMIT 5)
WITH (name = 'first_five', checkpointLocation = 'chk');
