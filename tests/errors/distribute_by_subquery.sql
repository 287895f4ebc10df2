-- expect: 6:46: DISTRIBUTE BY in a subquery is not supported yet (sluice keeps each row in the partition it is read in)
CREATE SOURCE s (k STRING, arr ARRAY<INT>)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE TABLE tb (k STRING, n INT) WITH (connector = 'files', path = 'data/tab', format = 'json');
CREATE SINK o WITH (connector = 'console');
INSERT INTO o SELECT * FROM (SELECT k FROM s DISTRIBUTE BY k);
