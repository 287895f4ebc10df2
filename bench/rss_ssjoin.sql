-- The memory benchmark of a stream-stream join (bench/rss_rate.sh --query bench/rss_ssjoin.sql):
-- two rate sources make the same values at 50,000 rows a second each against the wall clock;
-- each impression meets the click of its value within 2 seconds.  Both sides have a
-- 5-second watermark and the time bound gives each side a state watermark, so each side's
-- state keeps a few seconds of rows however long the query runs, and so must the process's
-- resident memory.  The filter keeps the console output to a line a second.
CREATE SOURCE imp (WATERMARK FOR timestamp AS timestamp - INTERVAL '5 seconds')
WITH (connector = 'rate', rowsPerSecond = 50000);
CREATE SOURCE clk (WATERMARK FOR timestamp AS timestamp - INTERVAL '5 seconds')
WITH (connector = 'rate', rowsPerSecond = 50000);

CREATE SINK out WITH (connector = 'console', numRows = 1, truncate = false);

INSERT INTO out
SELECT i.value, i.timestamp AS shown, c.timestamp AS clicked
FROM imp i JOIN clk c
  ON i.value = c.value AND c.timestamp BETWEEN i.timestamp AND i.timestamp + INTERVAL 2 SECONDS
WHERE i.value % 50000 = 0
WITH (name = 'rss_ssjoin', trigger = '1 second');
