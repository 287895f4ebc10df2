-- expect: 9:1: Multiple streaming aggregations are not supported with streaming DataFrames/Datasets
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT,
  WATERMARK FOR time AS time - INTERVAL '10 minutes')
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out
SELECT c, count(*) AS n_actions
FROM (SELECT action, window(time, '1 hour') AS w, count(*) AS c FROM events GROUP BY action, window(time, '1 hour'))
GROUP BY c
WITH (outputMode = 'complete');
