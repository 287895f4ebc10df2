-- The guide's impressions/clicks, FULL OUTER JOIN in a subquery, under the outer query's
-- WHERE over the left side: Spark's PushPredicateThroughNonJoin moves the Filter through the
-- subquery's Project right above the join, where EliminateOuterJoin finds
-- coalesce(impressionAdId, -1) >= 0 false over a row of NULLs (-1 >= 0) and makes the join
-- LEFT OUTER: the clicks never matched are not output, and the join keeps and evicts state as
-- the LEFT OUTER join of tests/golden/ssjoin_left_outer does.
CREATE SOURCE impressions (impressionAdId INT, impressionTime TIMESTAMP,
  WATERMARK FOR impressionTime AS impressionTime - INTERVAL '2 hours')
WITH (connector = 'files', path = 'data/imp', format = 'json', maxFilesPerTrigger = 1);
CREATE SOURCE clicks (clickAdId INT, clickTime TIMESTAMP,
  WATERMARK FOR clickTime AS clickTime - INTERVAL '3 hours')
WITH (connector = 'files', path = 'data/clk', format = 'json', maxFilesPerTrigger = 1);
CREATE SINK out WITH (connector = 'console', truncate = false);

INSERT INTO out
SELECT * FROM (
  SELECT * FROM impressions FULL OUTER JOIN clicks
    ON clickAdId = impressionAdId AND clickTime >= impressionTime
    AND clickTime <= impressionTime + INTERVAL 1 HOUR
) AS j
WHERE coalesce(j.impressionAdId, -1) >= 0
WITH (name = 'ad_clicks_left');
