-- expect: 6:126: Append output mode not supported when there are streaming aggregations on streaming DataFrames/DataSets without watermark
CREATE SOURCE imp (ad INT, it TIMESTAMP, WATERMARK FOR it AS it - INTERVAL '2 hours') WITH (connector = 'files', path = 'data/imp', format = 'json');
CREATE SOURCE clk (ad INT, ct TIMESTAMP, WATERMARK FOR ct AS ct - INTERVAL '3 hours') WITH (connector = 'files', path = 'data/clk', format = 'json');
CREATE SOURCE raw (ad INT, t TIMESTAMP) WITH (connector = 'files', path = 'data/raw', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT imp.ad, count(*) AS n FROM imp JOIN clk ON imp.ad = clk.ad AND ct BETWEEN it AND it + INTERVAL 1 HOUR GROUP BY imp.ad;
