-- The two most frequent actions so far: in complete mode LIMIT over a sorted aggregation is
-- Spark's TakeOrderedAndProject over each batch's whole result table (no state of its own).
CREATE SOURCE events (
    time TIMESTAMP,
    action STRING
) WITH (connector = 'files', path = 'data/events', format = 'json', maxFilesPerTrigger = 1);

CREATE SINK out WITH (connector = 'console');

INSERT INTO out
SELECT action, count(*) AS count
FROM events
GROUP BY action
ORDER BY count DESC, action
LIMIT 2
WITH (name = 'top_actions', outputMode = 'complete');
