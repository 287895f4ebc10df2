-- expect: 5:140: DROP DUPLICATES on the watermarked column 'ct' without 'it', the first watermarked column of its input, is not supported yet
CREATE SOURCE imp (ad INT, it TIMESTAMP, WATERMARK FOR it AS it - INTERVAL '2 hours') WITH (connector = 'files', path = 'data/imp', format = 'json');
CREATE SOURCE clk (ad INT, ct TIMESTAMP, WATERMARK FOR ct AS ct - INTERVAL '3 hours') WITH (connector = 'files', path = 'data/clk', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT imp.ad, ct FROM imp JOIN clk ON imp.ad = clk.ad AND ct BETWEEN it AND it + INTERVAL 1 HOUR DROP DUPLICATES (imp.ad, ct);
