-- expect: 8:1: Append output mode not supported when there are streaming aggregations on streaming DataFrames/DataSets without watermark
CREATE SOURCE events (time TIMESTAMP, action STRING, WATERMARK FOR time AS time - INTERVAL '10 minutes')
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out
SELECT action, sum(count) AS total
FROM (SELECT action, window(time, '10 minutes') AS window, count(*) AS count FROM events GROUP BY action, window(time, '10 minutes')) AS counts
GROUP BY action
WITH (outputMode = 'append');
