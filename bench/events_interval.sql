-- The state benchmark's interval sum and average (bench/state_threads_bench.sh): the time since
-- 2016-07-26 as an INTERVAL DAY TO SECOND, summed and averaged per action (an overflow would
-- fail the query at its record: each task logs its values, the query's thread adds them in
-- input order).
CREATE SOURCE events (time TIMESTAMP, action STRING)
  WITH (connector = 'files', path = 'bench/data/events_state', format = 'json');
CREATE SINK out WITH (connector = 'console', numRows = 10, truncate = false);
INSERT INTO out
SELECT action, count(*) AS n, sum(time - TIMESTAMP '2016-07-26 00:00:00') AS total,
       avg(time - TIMESTAMP '2016-07-26 00:00:00') AS mean
FROM events
GROUP BY action
WITH (outputMode = 'complete');
