-- The events benchmark query (seed 000/001): count per (action, 1-hour tumbling
-- window) over 20 M generated events. Run from the repository root, so that the
-- relative path resolves (bench/events_bench.sh does this).
-- numRows is large so that every group is printed and can be checked against
-- DuckDB (the generated data has about 20,500 groups).
CREATE SOURCE events (time TIMESTAMP, action STRING)
  WITH (connector = 'files', path = 'bench/data/events', format = 'json');
CREATE SINK out WITH (connector = 'console', numRows = 100000, truncate = false);
INSERT INTO out
SELECT action, window(time, '1 hour') AS window, count(*) AS count
FROM events
GROUP BY action, window(time, '1 hour')
ORDER BY window, action
WITH (outputMode = 'complete');
