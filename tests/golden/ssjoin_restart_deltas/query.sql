-- The LEFT OUTER join of the guide's impressions and clicks over 22 batches, restarted from its
-- checkpoint between two snapshots of the join state: the restart applies the deltas after the
-- snapshot (rows added, evicted, and older rows matched since), so impressions matched before
-- the restart are not output as unmatched when evicted after it.
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
WITH (name = 'ad_clicks_deltas', checkpointLocation = 'chk');
