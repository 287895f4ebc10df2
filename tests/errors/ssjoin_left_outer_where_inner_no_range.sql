-- expect: 7:35: Stream-stream LeftOuter join between two streaming DataFrame/Datasets is not supported without a watermark in the join keys, or a watermark on the nullable side and an appropriate range condition
-- The WHERE makes the join INNER in Spark's optimizer (EliminateOuterJoin: coalesce(NULL, 0) > 1
-- is false), but UnsupportedOperationChecker checks the analyzed plan, where it is LEFT OUTER.
CREATE SOURCE imp (ad INT, it TIMESTAMP, WATERMARK FOR it AS it - INTERVAL '2 hours') WITH (connector = 'files', path = 'data/imp', format = 'json');
CREATE SOURCE clk (ad INT, ct TIMESTAMP, WATERMARK FOR ct AS ct - INTERVAL '3 hours') WITH (connector = 'files', path = 'data/clk', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT * FROM imp LEFT OUTER JOIN clk ON imp.ad = clk.ad WHERE coalesce(clk.ad, 0) > 1;
