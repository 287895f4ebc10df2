-- A stream-stream LEFT OUTER join over two rate-micro-batch streams (no data to generate): ad
-- impressions, and the clicks on them 30 seconds later, except every third ad's.  Each click
-- is joined with its impression as soon as both are there; an impression without a click is
-- output with NULLs once the watermark passes its hour (the time bound), a few batches later.
-- Run with --max-batches 10 (the sources never end).
CREATE SOURCE impressions (WATERMARK FOR timestamp AS timestamp - INTERVAL '10 seconds')
  WITH (connector = 'rate-micro-batch', rowsPerBatch = 3, startTimestamp = 1700000000000,
        advanceMillisPerBatch = 20000);
CREATE SOURCE clicks (WATERMARK FOR timestamp AS timestamp - INTERVAL '10 seconds')
  WITH (connector = 'rate-micro-batch', rowsPerBatch = 3, startTimestamp = 1700000030000,
        advanceMillisPerBatch = 20000);

CREATE SINK console WITH (connector = 'console', truncate = false);

INSERT INTO console
SELECT i.value AS ad, i.timestamp AS shown, c.timestamp AS clicked
FROM impressions i LEFT OUTER JOIN (SELECT * FROM clicks WHERE value % 3 <> 2) c
  ON i.value = c.value AND c.timestamp BETWEEN i.timestamp AND i.timestamp + INTERVAL 1 MINUTE
WITH (name = 'ad_clicks');
