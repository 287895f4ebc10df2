-- expect: 3:49: enforceSchema = false with header = true (checking each file's header against the schema) is not supported yet
CREATE SOURCE s (a INT) WITH (connector = 'files', path = 'data', format = 'csv', header = true,
                                enforceSchema = false);
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT a FROM s;
