-- The guide's impressions/clicks join and then the clicks per hour (Spark 3.4+ chains stateful
-- operators in append mode): each hour's count is output once the watermark the join passes on
-- (the query's minus the join's time bound, StreamingSymmetricHashJoinExec.produceOutputWatermark)
-- closes it; restarted from its checkpoint between two steps.
CREATE SOURCE impressions (impressionAdId INT, impressionTime TIMESTAMP,
  WATERMARK FOR impressionTime AS impressionTime - INTERVAL '2 hours')
WITH (connector = 'files', path = 'data/imp', format = 'json', maxFilesPerTrigger = 1);
CREATE SOURCE clicks (clickAdId INT, clickTime TIMESTAMP,
  WATERMARK FOR clickTime AS clickTime - INTERVAL '3 hours')
WITH (connector = 'files', path = 'data/clk', format = 'json', maxFilesPerTrigger = 1);
CREATE SINK out WITH (connector = 'console', truncate = false);

INSERT INTO out
SELECT window(clickTime, '1 hour') AS hour, count(*) AS clicks
FROM impressions JOIN clicks
  ON clickAdId = impressionAdId AND clickTime >= impressionTime
  AND clickTime <= impressionTime + INTERVAL 1 HOUR
GROUP BY window(clickTime, '1 hour')
WITH (name = 'ad_clicks_hourly', checkpointLocation = 'chk', outputMode = 'append');
