-- expect: 6:31: Sampling is not supported on streaming DataFrames/Datasets
CREATE SOURCE s (k STRING, arr ARRAY<INT>)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE TABLE tb (k STRING, n INT) WITH (connector = 'files', path = 'data/tab', format = 'json');
CREATE SINK o WITH (connector = 'console');
INSERT INTO o SELECT k FROM s TABLESAMPLE (10 PERCENT) AS x;
