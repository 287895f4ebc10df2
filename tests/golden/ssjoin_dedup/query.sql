-- The guide's impressions/clicks join and then one row per impression clicked (DROP DUPLICATES
-- over the join, Spark 3.4+): the deduplication drops and evicts by the watermark the join passes
-- on (the query's minus the join's time bound, StreamingSymmetricHashJoinExec.produceOutputWatermark).
CREATE SOURCE impressions (impressionAdId INT, impressionTime TIMESTAMP,
  WATERMARK FOR impressionTime AS impressionTime - INTERVAL '2 hours')
WITH (connector = 'files', path = 'data/imp', format = 'json', maxFilesPerTrigger = 1);
CREATE SOURCE clicks (clickAdId INT, clickTime TIMESTAMP,
  WATERMARK FOR clickTime AS clickTime - INTERVAL '3 hours')
WITH (connector = 'files', path = 'data/clk', format = 'json', maxFilesPerTrigger = 1);
CREATE SINK out WITH (connector = 'console', truncate = false);

INSERT INTO out
SELECT impressionAdId, impressionTime
FROM impressions JOIN clicks
  ON clickAdId = impressionAdId AND clickTime >= impressionTime
  AND clickTime <= impressionTime + INTERVAL 1 HOUR
DROP DUPLICATES (impressionAdId, impressionTime)
WITH (name = 'clicked_impressions');
