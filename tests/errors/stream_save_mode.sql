-- expect: 4:51: option 'mode' is for batch queries (Spark's DataFrameWriter.mode); a streaming query writes in its outputMode
CREATE SOURCE s (k INT) WITH (connector = 'files', path = 'data/s', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT k FROM s WITH (name = 'q', mode = 'append');
