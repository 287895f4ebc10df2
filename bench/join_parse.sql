-- The join benchmark's baseline: the same events read and counted per action, no join (what
-- the join query costs beyond it is the join).  Run from the repository root.
CREATE SOURCE events (time TIMESTAMP, action STRING)
  WITH (connector = 'files', path = 'bench/data/events', format = 'json');
CREATE SINK out WITH (connector = 'console', numRows = 1000, truncate = false);
INSERT INTO out
SELECT action, unix_timestamp(time) % 10000 >= 0 AS keyed, count(*) AS count
FROM events
GROUP BY action, unix_timestamp(time) % 10000 >= 0
WITH (outputMode = 'complete');
