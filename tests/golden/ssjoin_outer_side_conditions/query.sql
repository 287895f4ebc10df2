-- The LEFT OUTER join with a condition on each side alone: an impression failing its own
-- (impressionAdId < 5) is output with NULLs at once and not kept; a click failing its own is
-- dropped, so impression 2 is output with NULLs when the watermark evicts it.
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
  AND impressionAdId < 5 AND clickAdId <> 2
WITH (name = 'ad_clicks_pre');
