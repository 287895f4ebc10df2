-- Spark's default console: cells truncated to 20 characters and right-aligned; numRows cut-off.
CREATE SOURCE events (time TIMESTAMP, action STRING)
  WITH (connector = 'files', path = 'data/events', format = 'json', maxFilesPerTrigger = 2);
CREATE SINK out WITH (connector = 'console', numRows = 3);
INSERT INTO out
SELECT action, window(time, '10 minutes') AS window, count(*) AS count, avg(hour(time)) AS hour
FROM events
GROUP BY action, window(time, '10 minutes')
ORDER BY count DESC, window, action
WITH (outputMode = 'complete');
