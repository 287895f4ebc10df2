-- The state benchmark's aggregates that do not merge, without DROP DUPLICATES
-- (bench/state_threads_bench.sh): the set of hours and the most frequent minute per action.
-- Split, each task keeps its groups' sets and mode values, which the fold inserts or
-- appends in task order (plan_parallel.c); before, the query ran on one thread.
CREATE SOURCE events (time TIMESTAMP, action STRING)
  WITH (connector = 'files', path = 'bench/data/events_state', format = 'json');
CREATE SINK out WITH (connector = 'console', numRows = 10, truncate = false);
INSERT INTO out
SELECT action, count(*) AS n, collect_set(hour(time)) AS hours, mode(minute(time)) AS minute
FROM events
GROUP BY action
WITH (outputMode = 'complete');
