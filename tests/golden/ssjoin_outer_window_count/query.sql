-- The LEFT OUTER impressions/clicks join and then, per hour of impressionTime, the impressions
-- and those clicked: an impression without a click reaches the count when the join evicts it
-- (its row with the click columns NULL), in the same batch.
CREATE SOURCE impressions (impressionAdId INT, impressionTime TIMESTAMP,
  WATERMARK FOR impressionTime AS impressionTime - INTERVAL '2 hours')
WITH (connector = 'files', path = 'data/imp', format = 'json', maxFilesPerTrigger = 1);
CREATE SOURCE clicks (clickAdId INT, clickTime TIMESTAMP,
  WATERMARK FOR clickTime AS clickTime - INTERVAL '3 hours')
WITH (connector = 'files', path = 'data/clk', format = 'json', maxFilesPerTrigger = 1);
CREATE SINK out WITH (connector = 'console', truncate = false);

INSERT INTO out
SELECT window(impressionTime, '1 hour') AS hour, count(*) AS impressions,
       count(clickAdId) AS clicked
FROM impressions LEFT OUTER JOIN clicks
  ON clickAdId = impressionAdId AND clickTime >= impressionTime
  AND clickTime <= impressionTime + INTERVAL 1 HOUR
GROUP BY window(impressionTime, '1 hour')
WITH (name = 'impressions_hourly');
