-- The guide's impressions/clicks join (ssjoin_ad_clicks' data) under
-- spark.sql.streaming.multipleWatermarkPolicy max: the query's watermark is the larger of the
-- two sources' (impressions 2 hours behind their latest, clicks 3 hours), so it runs ahead of
-- the min policy's and late rows and state eviction follow the faster side.
CREATE SOURCE impressions (impressionAdId INT, impressionTime TIMESTAMP,
  WATERMARK FOR impressionTime AS impressionTime - INTERVAL '2 hours')
WITH (connector = 'files', path = 'data/imp', format = 'json', maxFilesPerTrigger = 1);
CREATE SOURCE clicks (clickAdId INT, clickTime TIMESTAMP,
  WATERMARK FOR clickTime AS clickTime - INTERVAL '3 hours')
WITH (connector = 'files', path = 'data/clk', format = 'json', maxFilesPerTrigger = 1);
CREATE SINK out WITH (connector = 'console', truncate = false);

INSERT INTO out
SELECT * FROM impressions JOIN clicks
  ON clickAdId = impressionAdId AND clickTime >= impressionTime
  AND clickTime <= impressionTime + INTERVAL 1 HOUR
WITH (name = 'ad_clicks', spark.sql.streaming.multipleWatermarkPolicy = 'max');
