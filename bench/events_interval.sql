-- The state benchmark's interval sum and average (bench/state_threads_bench.sh): the seconds of
-- each event's minute as an INTERVAL DAY TO SECOND, summed and averaged per action (an
-- overflow would fail the query at its record: each task logs its values, the query's thread
-- adds them in input order).
CREATE SOURCE events (time TIMESTAMP, action STRING)
  WITH (connector = 'files', path = 'bench/data/events_state', format = 'json');
CREATE SINK out WITH (connector = 'console', numRows = 10, truncate = false);
INSERT INTO out
SELECT action, count(*) AS n, sum(make_dt_interval(0, 0, 0, second(time))) AS total,
       avg(make_dt_interval(0, 0, 0, second(time))) AS mean
FROM events
GROUP BY action
WITH (outputMode = 'complete');
