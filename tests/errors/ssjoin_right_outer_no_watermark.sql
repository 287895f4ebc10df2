-- expect: 6:35: Stream-stream RightOuter join between two streaming DataFrame/Datasets is not supported without a watermark in the join keys, or a watermark on the nullable side and an appropriate range condition
CREATE SOURCE imp (ad INT, it TIMESTAMP, WATERMARK FOR it AS it - INTERVAL '2 hours') WITH (connector = 'files', path = 'data/imp', format = 'json');
CREATE SOURCE clk (ad INT, ct TIMESTAMP, WATERMARK FOR ct AS ct - INTERVAL '3 hours') WITH (connector = 'files', path = 'data/clk', format = 'json');
CREATE SOURCE raw (ad INT, t TIMESTAMP) WITH (connector = 'files', path = 'data/raw', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT * FROM raw RIGHT OUTER JOIN clk ON raw.ad = clk.ad AND ct BETWEEN raw.t AND raw.t + INTERVAL 1 HOUR;
