-- expect: 7:71: LIMIT in a side of a join of two streams is not supported yet on streaming DataFrames/Datasets
CREATE SOURCE a (time TIMESTAMP, action STRING, WATERMARK FOR time AS time - INTERVAL '10 minutes')
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SOURCE b (time TIMESTAMP, action STRING, WATERMARK FOR time AS time - INTERVAL '10 minutes')
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT a.action, bb.time FROM a JOIN (SELECT * FROM b LIMIT 3) bb
  ON a.action = bb.action AND bb.time BETWEEN a.time AND a.time + INTERVAL 1 MINUTE;
