-- expect: 6:34: SORT BY is not supported yet: Spark sorts each partition on its own (use ORDER BY to sort all rows)
CREATE SOURCE s (k STRING, arr ARRAY<INT>)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE TABLE tb (k STRING, n INT) WITH (connector = 'files', path = 'data/tab', format = 'json');
CREATE SINK o WITH (connector = 'console');
SELECT k FROM tb DISTRIBUTE BY n SORT BY k;
