-- expect: 6:35: Join between two streaming DataFrames/Datasets is not supported in Update output mode, only in Append output mode
CREATE SOURCE imp (ad INT, it TIMESTAMP, WATERMARK FOR it AS it - INTERVAL '2 hours') WITH (connector = 'files', path = 'data/imp', format = 'json');
CREATE SOURCE clk (ad INT, ct TIMESTAMP, WATERMARK FOR ct AS ct - INTERVAL '3 hours') WITH (connector = 'files', path = 'data/clk', format = 'json');
CREATE SOURCE raw (ad INT, t TIMESTAMP) WITH (connector = 'files', path = 'data/raw', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT * FROM imp JOIN clk ON imp.ad = clk.ad WITH (outputMode = 'update');
