-- The guide's impressions/clicks join, the clicks per hour, and those summed per two hours: three
-- chained stateful operators in append mode (Spark 3.4+).  Both aggregations see the watermark
-- the join passes on (the query's minus the join's time bound), Spark 3.5's propagation.
CREATE SOURCE impressions (impressionAdId INT, impressionTime TIMESTAMP,
  WATERMARK FOR impressionTime AS impressionTime - INTERVAL '2 hours')
WITH (connector = 'files', path = 'data/imp', format = 'json', maxFilesPerTrigger = 1);
CREATE SOURCE clicks (clickAdId INT, clickTime TIMESTAMP,
  WATERMARK FOR clickTime AS clickTime - INTERVAL '3 hours')
WITH (connector = 'files', path = 'data/clk', format = 'json', maxFilesPerTrigger = 1);
CREATE SINK out WITH (connector = 'console', truncate = false);

INSERT INTO out
SELECT window(window_time(hour), '2 hours') AS hours, sum(clicks) AS clicks, count(*) AS n
FROM (SELECT window(clickTime, '1 hour') AS hour, count(*) AS clicks
      FROM impressions JOIN clicks
        ON clickAdId = impressionAdId AND clickTime >= impressionTime
        AND clickTime <= impressionTime + INTERVAL 1 HOUR
      GROUP BY window(clickTime, '1 hour')) AS hourly
GROUP BY window(window_time(hour), '2 hours')
WITH (name = 'ad_clicks_two_hourly');
