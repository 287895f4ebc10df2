-- expect: 6:65: [NUM_COLUMNS_MISMATCH] UNION can only be performed on inputs with the same number of columns, but the first input has 1 columns and the third input has 2 columns.
CREATE SOURCE a (k STRING, v INT, t TIMESTAMP) WITH (connector = 'files', path = 'data/a', format = 'json');
CREATE SOURCE b (k STRING, v INT, ok BOOLEAN) WITH (connector = 'files', path = 'data/b', format = 'json');
CREATE TABLE tb (k STRING, v INT) WITH (connector = 'files', path = 'data/t', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT k FROM a UNION ALL SELECT k FROM b UNION SELECT k, v FROM a WITH (outputMode = 'update');
