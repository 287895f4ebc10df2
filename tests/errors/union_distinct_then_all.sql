-- expect: 6:1: a UNION inside a branch of another UNION is not supported yet (as `a UNION b UNION ALL c` is); write the UNION ALL branches first
CREATE SOURCE a (k STRING, v INT, t TIMESTAMP) WITH (connector = 'files', path = 'data/a', format = 'json');
CREATE SOURCE b (k STRING, v INT, ok BOOLEAN) WITH (connector = 'files', path = 'data/b', format = 'json');
CREATE TABLE tb (k STRING, v INT) WITH (connector = 'files', path = 'data/t', format = 'json');
CREATE SINK out WITH (connector = 'console');
SELECT k FROM tb UNION SELECT k FROM tb UNION ALL SELECT k FROM tb;
