-- LIMIT 0 in append mode: Spark's OptimizeLimitZero makes the subtree an empty relation, so
-- there is no streaming global limit (no state operator) and every batch is empty.  LIMIT ALL
-- in the subquery is no limit.
CREATE SOURCE events (action STRING, n INT)
WITH (connector = 'files', path = 'data/events', format = 'json', maxFilesPerTrigger = 1);
CREATE SINK out WITH (connector = 'console');

INSERT INTO out
SELECT action, n
FROM (SELECT action, n FROM events LIMIT ALL)
LIMIT 0
WITH (name = 'nothing', checkpointLocation = 'chk');
