-- expect: 5:45: histogram_numeric of a DECIMAL is not supported (Spark 3.5 fails writing the bins' doubles as its decimals)
CREATE SOURCE events (g STRING, n INT, b BOOLEAN, m DECIMAL(10,2))
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT g, histogram_numeric(m, 3) FROM events GROUP BY g WITH (outputMode = 'complete');
