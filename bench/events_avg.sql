-- The state benchmark's order-dependent aggregation (bench/state_threads_bench.sh): the average
-- of a DOUBLE per action and minute over 4 M generated events (120 groups).  Its sum's
-- additions depend on their order, so a task logs each value and the fold replays them on the
-- query's thread, in input order: the part that does not split.
CREATE SOURCE events (time TIMESTAMP, action STRING)
  WITH (connector = 'files', path = 'bench/data/events_state', format = 'json');
CREATE SINK out WITH (connector = 'console', numRows = 3, truncate = false);
INSERT INTO out
SELECT action, minute(time) AS m, avg(CAST(time AS DOUBLE)) AS avg_time, count(*) AS n
FROM events
GROUP BY action, minute(time)
WITH (outputMode = 'complete');
