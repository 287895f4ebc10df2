-- The Spark guide's stream-stream join: ad impressions with the clicks that follow them within
-- an hour ("Inner Joins with optional Watermarking"), watermarks 2 hours and 3 hours.
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
WITH (name = 'ad_clicks');
