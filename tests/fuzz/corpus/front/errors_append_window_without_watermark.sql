-- expect: 6:67: Append output mode not supported when there are streaming aggregations on streaming DataFrames/DataSets without watermark
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out
SELECT window(time, '10 minutes') AS w, count(*) AS c FROM events GROUP BY window(time, '10 minutes')
WITH (outputMode = 'append');
