-- The guide's impressions and clicks, INNER JOIN with the time bounds in a WHERE above the join:
-- Spark's PushPredicateThroughJoin moves them into the join's condition, where
-- StreamingSymmetricHashJoinHelper.getStateWatermarkPredicates finds the state watermarks, as
-- for ON (tests/golden/ssjoin_ad_clicks).
CREATE SOURCE impressions (impressionAdId INT, impressionTime TIMESTAMP,
  WATERMARK FOR impressionTime AS impressionTime - INTERVAL '2 hours')
WITH (connector = 'files', path = 'data/imp', format = 'json', maxFilesPerTrigger = 1);
CREATE SOURCE clicks (clickAdId INT, clickTime TIMESTAMP,
  WATERMARK FOR clickTime AS clickTime - INTERVAL '3 hours')
WITH (connector = 'files', path = 'data/clk', format = 'json', maxFilesPerTrigger = 1);
CREATE SINK out WITH (connector = 'console', truncate = false);

INSERT INTO out
SELECT * FROM impressions JOIN clicks ON clickAdId = impressionAdId
WHERE clickTime >= impressionTime AND clickTime <= impressionTime + INTERVAL 1 HOUR
WITH (name = 'ad_clicks_where');
