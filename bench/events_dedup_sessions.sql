-- The state benchmark's DROP DUPLICATES before a session window (bench/state_threads_bench.sh):
-- the first row of each (time, action) in sessions of 10 minutes' gap per action, counted
-- and its time averaged (each task logs the rows it keeps, the query's thread makes their
-- points in input order).
CREATE SOURCE events (time TIMESTAMP, action STRING)
  WITH (connector = 'files', path = 'bench/data/events_state', format = 'json');
CREATE SINK out WITH (connector = 'console', numRows = 3, truncate = false);
INSERT INTO out
SELECT action, session_window(time, '10 minutes') AS session, count(*) AS n,
       avg(CAST(time AS DOUBLE)) AS t
FROM events
DROP DUPLICATES (time, action)
GROUP BY action, session_window(time, '10 minutes')
WITH (outputMode = 'complete');
