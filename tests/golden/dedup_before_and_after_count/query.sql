-- The first closed 10-minute window in which each action occurred at least twice, counting
-- each (id, time) once: DROP DUPLICATES below the aggregation and another over its rows, as
-- Spark 3.5 chains dropDuplicates, a windowed count and dropDuplicates in append mode (three
-- state stores); restarted between the steps with every state.
CREATE SOURCE events (
    id BIGINT,
    time TIMESTAMP,
    action STRING,
    WATERMARK FOR time AS time - INTERVAL '10 minutes'
) WITH (connector = 'files', path = 'data/events', format = 'json');

CREATE SINK out WITH (connector = 'console', truncate = false);

INSERT INTO out
SELECT action, window, count
FROM (SELECT action, window(time, '10 minutes') AS window, count(*) AS count
      FROM events
      DROP DUPLICATES (id, time)
      GROUP BY action, window(time, '10 minutes')) AS counts
WHERE count >= 2
DROP DUPLICATES (action)
WITH (name = 'first_busy_once', outputMode = 'append', checkpointLocation = 'chk');
