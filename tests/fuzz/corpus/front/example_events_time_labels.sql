-- The notebook's chart query, run continuously: counts per action and window end,
-- labelled "Jul-26 03:00" with date_format, over the aggregated stream (seeds 000 and 001).
CREATE SOURCE events (time TIMESTAMP, action STRING)
  WITH (connector = 'files', path = 'examples/data/events', format = 'json', maxFilesPerTrigger = 5);

CREATE SINK console WITH (connector = 'console');

INSERT INTO console
SELECT action, date_format(window.end, 'MMM-dd HH:mm') AS time, count
FROM (
    SELECT action, window(time, '1 hour') AS window, count(*) AS count
    FROM events
    GROUP BY action, window(time, '1 hour')
) AS counts
ORDER BY time, action
WITH (name = 'labels', outputMode = 'complete', trigger = '1 second');
