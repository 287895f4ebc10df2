-- expect: 6:35: LeftAnti joins with a streaming DataFrame/Dataset on the right are not supported
CREATE SOURCE imp (ad INT, it TIMESTAMP, WATERMARK FOR it AS it - INTERVAL '2 hours') WITH (connector = 'files', path = 'data/imp', format = 'json');
CREATE SOURCE clk (ad INT, ct TIMESTAMP, WATERMARK FOR ct AS ct - INTERVAL '3 hours') WITH (connector = 'files', path = 'data/clk', format = 'json');
CREATE SOURCE raw (ad INT, t TIMESTAMP) WITH (connector = 'files', path = 'data/raw', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT * FROM imp LEFT ANTI JOIN clk ON imp.ad = clk.ad AND ct BETWEEN it AND it + INTERVAL 1 HOUR;
