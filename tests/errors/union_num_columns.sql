-- expect: 6:46: [NUM_COLUMNS_MISMATCH] UNION can only be performed on inputs with the same number of columns, but the first input has 2 columns and the second input has 1 columns.
CREATE SOURCE a (k STRING, v INT, t TIMESTAMP) WITH (connector = 'files', path = 'data/a', format = 'json');
CREATE SOURCE b (k STRING, v INT, ok BOOLEAN) WITH (connector = 'files', path = 'data/b', format = 'json');
CREATE TABLE tb (k STRING, v INT) WITH (connector = 'files', path = 'data/t', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT k, v FROM a UNION ALL SELECT k FROM b;
