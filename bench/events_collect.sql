-- The state benchmark's aggregates that do not merge, without DROP DUPLICATES
-- (bench/state_threads_bench.sh): the set of hours and the most frequent minute per action.
-- The query runs on one thread: split, each task logged its updates and the query's thread
-- made them in input order, 0.42 s against one thread's 0.30 s (docs/operations.md).
CREATE SOURCE events (time TIMESTAMP, action STRING)
  WITH (connector = 'files', path = 'bench/data/events_state', format = 'json');
CREATE SINK out WITH (connector = 'console', numRows = 10, truncate = false);
INSERT INTO out
SELECT action, count(*) AS n, collect_set(hour(time)) AS hours, mode(minute(time)) AS minute
FROM events
GROUP BY action
WITH (outputMode = 'complete');
