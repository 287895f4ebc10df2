-- expect: 5:90: LIMIT is not supported yet on streaming DataFrames/Datasets in Complete output mode
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT action, count(*) AS c FROM events GROUP BY action ORDER BY c DESC LIMIT 3 WITH (outputMode = 'complete');
