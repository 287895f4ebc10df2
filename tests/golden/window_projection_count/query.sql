-- Counts per window column projected by a subquery, in append mode: the window column keeps
-- the watermark of its time column (TimeWindowing's metadata), so a window's count is final
-- once the watermark passes its end.
CREATE SOURCE events (time TIMESTAMP, user STRING,
  WATERMARK FOR time AS time - INTERVAL '10 minutes')
WITH (connector = 'files', path = 'data/events', format = 'json', maxFilesPerTrigger = 1);
CREATE SINK out WITH (connector = 'console', truncate = false);

INSERT INTO out
SELECT w, count(*) AS n
FROM (SELECT window(time, '30 minutes') AS w FROM events)
GROUP BY w
WITH (name = 'window_counts', checkpointLocation = 'chk', outputMode = 'append');
