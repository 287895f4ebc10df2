-- The rate benchmark query (bench/rate_bench.sh): the aggregation core alone, with no
-- parsing.  rate-micro-batch makes typed rows (timestamp, value) in memory: batch k holds
-- the values [k*1000000, (k+1)*1000000), all stamped 2023-11-14 22:13:20 UTC + k * 5 s,
-- so two batches fill one 10-second window and 200 M rows (200 batches, --max-batches
-- 200) make 100 windows x 100 keys = 10,000 groups.  Each row is counted and summed into
-- its (window, value % 100) group.  Update mode prints only the 100 groups a batch
-- changed; numRows is above that so every update is printed and the final state can be
-- checked against DuckDB, and printing stays negligible (rate_bench.sh measures it).
-- rate_bench.sh reads rowsPerBatch, startTimestamp and advanceMillisPerBatch from here.
CREATE SOURCE ticks
WITH (connector = 'rate-micro-batch', rowsPerBatch = 1000000, startTimestamp = 1700000000000,
      advanceMillisPerBatch = 5000);

CREATE SINK out WITH (connector = 'console', numRows = 1000, truncate = false);

INSERT INTO out
SELECT window(timestamp, '10 seconds') AS window, value % 100 AS k, count(*) AS count,
       sum(value) AS total
FROM ticks
GROUP BY window(timestamp, '10 seconds'), value % 100
WITH (name = 'rate_windowed', outputMode = 'update');
