-- Seed 001's totals of the windowed counts as a chain of two streaming aggregations (Spark
-- 3.4+, append mode): the 10-minute counts per action, then their sums per action and hour,
-- keyed on window_time(window), each 10-minute window's event time.  An hour is printed once,
-- when the watermark has passed its end and every count inside it was final.
CREATE SOURCE events (
    time   TIMESTAMP,
    action STRING,
    WATERMARK FOR time AS time - INTERVAL '10 minutes'
) WITH (connector = 'files', path = 'examples/data/events', format = 'json', maxFilesPerTrigger = 1);

CREATE SINK console WITH (connector = 'console', truncate = false);

INSERT INTO console
SELECT action, window(window_time(window), '1 hour') AS hour, sum(count) AS total,
       count(*) AS windows
FROM (SELECT action, window(time, '10 minutes') AS window, count(*) AS count
      FROM events
      GROUP BY action, window(time, '10 minutes')) AS counts
GROUP BY action, window(window_time(window), '1 hour')
WITH (name = 'hourly_totals', outputMode = 'append');
