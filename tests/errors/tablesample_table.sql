-- expect: 6:18: TABLESAMPLE is not supported yet (Spark draws a random sample)
CREATE SOURCE s (k STRING, arr ARRAY<INT>)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE TABLE tb (k STRING, n INT) WITH (connector = 'files', path = 'data/tab', format = 'json');
CREATE SINK o WITH (connector = 'console');
SELECT k FROM tb TABLESAMPLE (50 PERCENT);
