-- The first 10-minute window in which each action occurred at least twice: DROP DUPLICATES
-- (action) over the windowed counts, as Spark 3.4+ chains dropDuplicates after an append-mode
-- aggregation; restarted after each step with both states.
CREATE SOURCE events (
    time TIMESTAMP,
    action STRING,
    WATERMARK FOR time AS time - INTERVAL '10 minutes'
) WITH (connector = 'files', path = 'data/events', format = 'json', maxFilesPerTrigger = 1);

CREATE SINK out WITH (connector = 'console', truncate = false);

INSERT INTO out
SELECT action, window, count
FROM (SELECT action, window(time, '10 minutes') AS window, count(*) AS count
      FROM events
      GROUP BY action, window(time, '10 minutes')) AS counts
WHERE count >= 2
DROP DUPLICATES (action)
WITH (name = 'first_busy', outputMode = 'append', checkpointLocation = 'chk');
