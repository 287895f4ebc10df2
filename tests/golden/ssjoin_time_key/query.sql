-- A LEFT OUTER join of two streams whose key carries the watermark (the event times are equal):
-- Spark's JoinStateKeyWatermarkPredicate removes from both sides the rows whose key time is at or
-- before the watermark, and an impression without its click is output with NULLs then.
CREATE SOURCE impressions (impressionAdId INT, impressionTime TIMESTAMP,
  WATERMARK FOR impressionTime AS impressionTime - INTERVAL '2 hours')
WITH (connector = 'files', path = 'data/imp', format = 'json', maxFilesPerTrigger = 1);
CREATE SOURCE clicks (clickAdId INT, clickTime TIMESTAMP,
  WATERMARK FOR clickTime AS clickTime - INTERVAL '3 hours')
WITH (connector = 'files', path = 'data/clk', format = 'json', maxFilesPerTrigger = 1);
CREATE SINK out WITH (connector = 'console', truncate = false);

INSERT INTO out
SELECT * FROM impressions LEFT OUTER JOIN clicks
  ON impressionAdId = clickAdId AND impressionTime = clickTime
WITH (name = 'ad_clicks_time_key');
