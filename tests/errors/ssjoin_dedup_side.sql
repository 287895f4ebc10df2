-- expect: 6:32: DROP DUPLICATES on a side of a stream-stream join is not supported yet
CREATE SOURCE imp (ad INT, it TIMESTAMP, WATERMARK FOR it AS it - INTERVAL '2 hours') WITH (connector = 'files', path = 'data/imp', format = 'json');
CREATE SOURCE clk (ad INT, ct TIMESTAMP, WATERMARK FOR ct AS ct - INTERVAL '3 hours') WITH (connector = 'files', path = 'data/clk', format = 'json');
CREATE SOURCE raw (ad INT, t TIMESTAMP) WITH (connector = 'files', path = 'data/raw', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT * FROM (SELECT * FROM imp DROP DUPLICATES (ad, it)) i JOIN clk ON i.ad = clk.ad;
