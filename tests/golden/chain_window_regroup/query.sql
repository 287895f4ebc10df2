-- The 10-minute counts per action regrouped per window (the window column of the level below
-- is the event-time key of the level above, compared by its end): two chained aggregations
-- in append mode, restarted after each step with both states.
CREATE SOURCE events (
    time TIMESTAMP,
    action STRING,
    WATERMARK FOR time AS time - INTERVAL '10 minutes'
) WITH (connector = 'files', path = 'data/events', format = 'json', maxFilesPerTrigger = 1);

CREATE SINK out WITH (connector = 'console', truncate = false);

INSERT INTO out
SELECT window, sum(count) AS total, count(*) AS actions
FROM (SELECT action, window(time, '10 minutes') AS window, count(*) AS count
      FROM events
      GROUP BY action, window(time, '10 minutes'))
GROUP BY window
WITH (name = 'per_window', outputMode = 'append', checkpointLocation = 'chk');
