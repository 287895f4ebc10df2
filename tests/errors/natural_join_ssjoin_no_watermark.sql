-- expect: 7:33: Stream-stream LeftOuter join between two streaming DataFrame/Datasets is not supported without a watermark in the join keys, or a watermark on the nullable side and an appropriate range condition
CREATE SOURCE a (time TIMESTAMP, k INT, v STRING)
  WITH (connector = 'files', path = 'data/a', format = 'json');
CREATE SOURCE b (k INT, w STRING)
  WITH (connector = 'files', path = 'data/b', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT * FROM a NATURAL LEFT JOIN b;
