-- A stream-stream join ON a window column each side projects over its watermarked time: the
-- window key carries the watermark (TimeWindowing copies the time column's metadata), so both
-- sides' state is evicted by key, as Spark's JoinStateKeyWatermarkPredicate on the window's end
-- (StreamingSymmetricHashJoinHelper.getStateWatermarkPredicates: a row goes once its window
-- ended at or before the watermark).
CREATE SOURCE impressions (adId INT, t TIMESTAMP, WATERMARK FOR t AS t - INTERVAL '10 minutes')
WITH (connector = 'files', path = 'data/imp', format = 'json', maxFilesPerTrigger = 1);
CREATE SOURCE clicks (adId INT, t TIMESTAMP, WATERMARK FOR t AS t - INTERVAL '10 minutes')
WITH (connector = 'files', path = 'data/clk', format = 'json', maxFilesPerTrigger = 1);
CREATE SINK out WITH (connector = 'console', truncate = false);

INSERT INTO out
SELECT i.adId, i.w, c.adId AS clickAdId
FROM (SELECT adId, window(t, '1 hour') AS w FROM impressions) i
JOIN (SELECT adId, window(t, '1 hour') AS w FROM clicks) c
  ON i.adId = c.adId AND i.w = c.w
WITH (name = 'ad_clicks_window_key', checkpointLocation = 'chk');
