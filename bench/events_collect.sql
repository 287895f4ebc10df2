-- The state benchmark's order-dependent aggregates without DROP DUPLICATES
-- (bench/state_threads_bench.sh): quartiles of the time and the set of hours per action (each
-- task logs its updates, the query's thread makes them in input order).
CREATE SOURCE events (time TIMESTAMP, action STRING)
  WITH (connector = 'files', path = 'bench/data/events_state', format = 'json');
CREATE SINK out WITH (connector = 'console', numRows = 10, truncate = false);
INSERT INTO out
SELECT action, count(*) AS n,
       percentile_approx(CAST(time AS DOUBLE), array(0.25, 0.5, 0.75)) AS quartiles,
       collect_set(hour(time)) AS hours
FROM events
GROUP BY action
WITH (outputMode = 'complete');
