-- expect: 9:13: Append output mode not supported when there are streaming aggregations on streaming DataFrames/DataSets without watermark
-- A window over a TIMESTAMP_NTZ has no watermark (none can be defined on one, and the
-- TIMESTAMP's watermark is another attribute), so UnsupportedOperationChecker refuses append.
CREATE SOURCE events (time TIMESTAMP_NTZ, l TIMESTAMP,
  WATERMARK FOR l AS l - INTERVAL '10 minutes')
WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT window(time, '10 minutes') AS w, count(*) AS n
FROM events GROUP BY window(time, '10 minutes')
WITH (outputMode = 'append');
