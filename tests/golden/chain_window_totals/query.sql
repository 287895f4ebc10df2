-- Seed 001's totals of the windowed counts as Spark 3.4+ chains them in append mode: the
-- 10-minute counts per action (the first aggregation) summed per action and hour over
-- window_time(window), the counts' event time (the second).  Three runs, each after new
-- data arrived; the checkpoint carries both aggregations' state and the watermark.
CREATE SOURCE events (
    time TIMESTAMP,
    action STRING,
    WATERMARK FOR time AS time - INTERVAL '10 minutes'
) WITH (connector = 'files', path = 'data/events', format = 'json', maxFilesPerTrigger = 1);

CREATE SINK out WITH (connector = 'console', truncate = false);

INSERT INTO out
SELECT action, window(window_time(window), '1 hour') AS hour, sum(count) AS total,
       count(*) AS windows
FROM (SELECT action, window(time, '10 minutes') AS window, count(*) AS count
      FROM events
      GROUP BY action, window(time, '10 minutes')) AS counts
GROUP BY action, window(window_time(window), '1 hour')
WITH (name = 'totals', outputMode = 'append', checkpointLocation = 'chk');
