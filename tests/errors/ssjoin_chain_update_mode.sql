-- expect: 5:140: Join between two streaming DataFrames/Datasets is not supported in Update output mode, only in Append output mode
CREATE SOURCE imp (ad INT, it TIMESTAMP, WATERMARK FOR it AS it - INTERVAL '2 hours') WITH (connector = 'files', path = 'data/imp', format = 'json');
CREATE SOURCE clk (ad INT, ct TIMESTAMP, WATERMARK FOR ct AS ct - INTERVAL '3 hours') WITH (connector = 'files', path = 'data/clk', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT window(window_time(w), '2 hours') AS w2, sum(n) AS n FROM (SELECT window(ct, '1 hour') AS w, count(*) AS n FROM imp JOIN clk ON imp.ad = clk.ad AND ct BETWEEN it AND it + INTERVAL 1 HOUR GROUP BY window(ct, '1 hour')) AS hourly GROUP BY window(window_time(w), '2 hours') WITH (outputMode = 'update');
