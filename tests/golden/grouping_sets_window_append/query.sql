-- GROUP BY ROLLUP(window(t, '10 minutes'), k1) in append mode with a watermark, restarted from
-- its checkpoint: a window's (window, k1) and (window) groups are written once the watermark
-- passes its end; the () group, whose window is NULL, is never final (Spark's watermark
-- predicate is NULL for it), so it is never written, and a row late for its window still
-- counts there.  A row without a time has no window (TimeWindowing drops it).
CREATE SOURCE ev (t TIMESTAMP, k1 STRING, v INT, WATERMARK FOR t AS t - INTERVAL '5 minutes')
  WITH (connector = 'files', path = 'data/events', format = 'json', maxFilesPerTrigger = 1);
CREATE SINK out WITH (connector = 'console', truncate = false);
INSERT INTO out
SELECT window.start AS ws, window.end AS we, k1, grouping_id() AS gid, count(*) AS n,
       sum(v) AS total
FROM ev
GROUP BY ROLLUP(window(t, '10 minutes'), k1)
WITH (name = 'window_append', outputMode = 'append', checkpointLocation = 'chk');
