-- expect: 8:21: Stream-stream FullOuter join between two streaming DataFrame/Datasets is not supported without a watermark in the join keys, or a watermark on the nullable side and an appropriate range condition
-- The outer WHERE reaches the join (PushPredicateThroughNonJoin) and makes it INNER in Spark's
-- optimizer, but UnsupportedOperationChecker checks the analyzed plan, where it is FULL OUTER.
CREATE SOURCE imp (ad INT, it TIMESTAMP, WATERMARK FOR it AS it - INTERVAL '2 hours') WITH (connector = 'files', path = 'data/imp', format = 'json');
CREATE SOURCE clk (ad INT, ct TIMESTAMP, WATERMARK FOR ct AS ct - INTERVAL '3 hours') WITH (connector = 'files', path = 'data/clk', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT * FROM (SELECT imp.ad AS a, clk.ad AS c
           FROM imp FULL OUTER JOIN clk ON imp.ad = clk.ad) AS j WHERE j.a > 1 AND j.c > 1;
