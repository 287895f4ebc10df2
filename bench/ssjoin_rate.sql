-- The stream-stream join benchmark query (bench/ssjoin_bench.sh): two rate-micro-batch streams
-- make the same values each batch (batch k: [k*R, (k+1)*R), R = 200,000, stamped start + k s), so each
-- left row meets the right row of its value in the same batch.  The time bound keeps each
-- side's state to a few batches (the state value watermarks of the bound: clicks at or before
-- the watermark, impressions 2 s before it, go; the watermark is the batch time - 5 s, one
-- batch late).  The filter after the join keeps the printed output small; every joined row
-- is still made.
-- ssjoin_bench.sh reads rowsPerBatch from here.
CREATE SOURCE imp (WATERMARK FOR timestamp AS timestamp - INTERVAL '5 seconds')
WITH (connector = 'rate-micro-batch', rowsPerBatch = 200000, startTimestamp = 1700000000000,
      advanceMillisPerBatch = 1000);
CREATE SOURCE clk (WATERMARK FOR timestamp AS timestamp - INTERVAL '5 seconds')
WITH (connector = 'rate-micro-batch', rowsPerBatch = 200000, startTimestamp = 1700000000000,
      advanceMillisPerBatch = 1000);
CREATE SINK out WITH (connector = 'console', truncate = false);

INSERT INTO out
SELECT i.value, i.timestamp AS shown, c.timestamp AS clicked
FROM imp i JOIN clk c
  ON i.value = c.value AND c.timestamp BETWEEN i.timestamp AND i.timestamp + INTERVAL 2 SECONDS
WHERE i.value % 200000 = 0
WITH (name = 'ssjoin_rate');
