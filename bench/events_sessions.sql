-- The state benchmark's session window query (bench/state_threads_bench.sh): sessions of
-- 10 minutes' gap per action over 4 M generated events (a partial session per action and
-- second, folded from the tasks into the batch's table).
CREATE SOURCE events (time TIMESTAMP, action STRING)
  WITH (connector = 'files', path = 'bench/data/events_state', format = 'json');
CREATE SINK out WITH (connector = 'console', numRows = 3, truncate = false);
INSERT INTO out
SELECT action, session_window(time, '10 minutes') AS session, count(*) AS n, max(time) AS last
FROM events
GROUP BY action, session_window(time, '10 minutes')
WITH (outputMode = 'complete');
