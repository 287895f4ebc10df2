-- Seed 001's static part: spark.read.json over the events, then batch queries shown once.
CREATE TABLE events (time TIMESTAMP, action STRING)
  WITH (connector = 'files', path = 'data/events', format = 'json');

-- jsonfile_schema.groupBy('action').count().show()
SELECT action, count(*) AS count FROM events GROUP BY action ORDER BY action;

-- the time span of the data
SELECT min(time) AS first, max(time) AS last FROM events;

-- staticCountsDF: one-hour tumbling windows
SELECT action, window(time, '1 hour') AS window, count(*) AS count
FROM events GROUP BY action, window(time, '1 hour')
ORDER BY window, action
WITH (truncate = false);

-- staticCountsSW: one-hour windows sliding every 30 minutes
SELECT action, window(time, '1 hour', '30 minutes') AS window, count(*) AS count
FROM events GROUP BY action, window(time, '1 hour', '30 minutes')
ORDER BY window, action
WITH (truncate = false, numRows = 10);

-- %sql chart: select action, date_format(window.end, "MMM-dd HH:mm") as time, count
--             from static_counts order by time, action
SELECT action, date_format(window.end, 'MMM-dd HH:mm') AS time, count
FROM (SELECT action, window(time, '1 hour') AS window, count(*) AS count
      FROM events GROUP BY action, window(time, '1 hour')) AS static_counts
ORDER BY time, action;
