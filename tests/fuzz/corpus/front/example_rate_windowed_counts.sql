-- Rows of a generated stream counted per 10-second event-time window (the rate source of
-- the Spark guide).  rate-micro-batch makes the same rows whatever the wall clock says:
-- batch k holds values [k*100, (k+1)*100), all stamped startTimestamp + k * 2.5 seconds,
-- so four batches fill one window.  Run it with --max-batches N: the source never ends.
CREATE SOURCE ticks
WITH (connector = 'rate-micro-batch', rowsPerBatch = 100, startTimestamp = 1700000000000,
      advanceMillisPerBatch = 2500);

CREATE SINK console WITH (connector = 'console', truncate = false);

INSERT INTO console
SELECT window(timestamp, '10 seconds') AS window, count(*) AS rows, sum(value) AS total,
       min(value) AS first, max(value) AS last
FROM ticks
GROUP BY window(timestamp, '10 seconds')
ORDER BY window
WITH (name = 'ticks_per_window', outputMode = 'complete');
