-- The state benchmark's DROP DUPLICATES before an aggregation (bench/state_threads_bench.sh):
-- the first row of each (time, action) counted and its time averaged per action (nearly every
-- row is new: each task logs its updates, the query's thread makes them in input order).
CREATE SOURCE events (time TIMESTAMP, action STRING)
  WITH (connector = 'files', path = 'bench/data/events_state', format = 'json');
CREATE SINK out WITH (connector = 'console', numRows = 10, truncate = false);
INSERT INTO out
SELECT action, count(*) AS n, avg(CAST(time AS DOUBLE)) AS t
FROM events
DROP DUPLICATES (time, action)
GROUP BY action
WITH (outputMode = 'complete');
