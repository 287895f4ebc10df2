-- expect: 6:56: [INCOMPATIBLE_COLUMN_TYPE] UNION can only be performed on tables with compatible column types. The second column of the second table is "BOOLEAN" type which is not compatible with "TIMESTAMP" at the same column of the first table..
CREATE SOURCE a (k STRING, v INT, t TIMESTAMP) WITH (connector = 'files', path = 'data/a', format = 'json');
CREATE SOURCE b (k STRING, v INT, ok BOOLEAN) WITH (connector = 'files', path = 'data/b', format = 'json');
CREATE TABLE tb (k STRING, v INT) WITH (connector = 'files', path = 'data/t', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT k, t FROM a UNION ALL SELECT k, ok FROM b;
