-- The state benchmark's DROP DUPLICATES query (bench/state_threads_bench.sh): the first row
-- of each (time, action) over 4 M generated events (nearly every row is new: the fold tests
-- every key against the state).
CREATE SOURCE events (time TIMESTAMP, action STRING)
  WITH (connector = 'files', path = 'bench/data/events_state', format = 'json');
CREATE SINK out WITH (connector = 'console', numRows = 3, truncate = false);
INSERT INTO out
SELECT time, action FROM events
DROP DUPLICATES (time, action);
