-- expect: 4:51: option 'mode' (Spark's DataFrameWriter.mode) applies to a batch query writing a files sink
CREATE TABLE t (k INT) WITH (connector = 'files', path = 'data/t', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT k FROM t WITH (name = 'q', mode = 'overwrite');
