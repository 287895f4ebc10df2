-- The LEFT OUTER join of the guide's impressions and clicks, restarted from its checkpoint between
-- two steps: the join state (each side's rows and their matched flags) comes back, so rows kept
-- before the restart still meet new clicks, and the unmatched ones are output when evicted.
CREATE SOURCE impressions (impressionAdId INT, impressionTime TIMESTAMP,
  WATERMARK FOR impressionTime AS impressionTime - INTERVAL '2 hours')
WITH (connector = 'files', path = 'data/imp', format = 'json', maxFilesPerTrigger = 1);
CREATE SOURCE clicks (clickAdId INT, clickTime TIMESTAMP,
  WATERMARK FOR clickTime AS clickTime - INTERVAL '3 hours')
WITH (connector = 'files', path = 'data/clk', format = 'json', maxFilesPerTrigger = 1);
CREATE SINK out WITH (connector = 'console', truncate = false);

INSERT INTO out
SELECT * FROM impressions LEFT OUTER JOIN clicks
  ON clickAdId = impressionAdId AND clickTime >= impressionTime
  AND clickTime <= impressionTime + INTERVAL 1 HOUR
WITH (name = 'ad_clicks_restart', checkpointLocation = 'chk');
