-- LIMIT over an aggregation in complete mode without ORDER BY: Spark's GlobalLimit over each
-- batch's whole result table, the first rows in the order the table is output (here the
-- order in which the groups were first seen); no globalLimit state operator.
CREATE SOURCE events (
    time TIMESTAMP,
    action STRING
) WITH (connector = 'files', path = 'data/events', format = 'json', maxFilesPerTrigger = 1);

CREATE SINK out WITH (connector = 'console');

INSERT INTO out
SELECT action, count
FROM (SELECT action, count(*) AS count FROM events GROUP BY action)
LIMIT 2
WITH (name = 'first_actions', outputMode = 'complete', checkpointLocation = 'chk');
