-- expect: 6:46: an aggregation inside a branch of a UNION is not supported yet; write it over the union (SELECT ... FROM (... UNION ALL ...) ...)
CREATE SOURCE a (k STRING, v INT, t TIMESTAMP) WITH (connector = 'files', path = 'data/a', format = 'json');
CREATE SOURCE b (k STRING, v INT, ok BOOLEAN) WITH (connector = 'files', path = 'data/b', format = 'json');
CREATE TABLE tb (k STRING, v INT) WITH (connector = 'files', path = 'data/t', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT k, v FROM a UNION ALL SELECT k, count(*) FROM b GROUP BY k WITH (outputMode = 'update');
