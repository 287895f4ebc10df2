-- expect: 3:49: enforceSchema = false with lineSep (checking each file's header against the schema) is not supported yet without multiLine = true
CREATE SOURCE src (id INT, name STRING) WITH (connector = 'files', path = 'data', format = 'csv',
  header = true, lineSep = ';', enforceSchema = false);
CREATE SINK console WITH (connector = 'console');
INSERT INTO console SELECT * FROM src;
