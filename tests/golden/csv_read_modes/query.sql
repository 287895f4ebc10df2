-- CSV as Spark reads it: header skipped per file, quotes and '\' escapes as univocity reads them, empty
-- fields (quoted or not) NULL, strict integers and booleans, Java doubles,
-- and malformed records (a bad value, too few or too many fields) by the read mode.
CREATE SOURCE scores (id INT, name STRING, score DOUBLE, ok BOOLEAN, at TIMESTAMP,
                      _corrupt_record STRING)
  WITH (connector = 'files', path = 'data/csv', format = 'csv', header = true);
CREATE SOURCE strict (id INT, name STRING, score DOUBLE, ok BOOLEAN, at TIMESTAMP)
  WITH (connector = 'files', path = 'data/csv', format = 'csv', header = true,
        mode = 'DROPMALFORMED');
CREATE SINK console WITH (connector = 'console', truncate = false);
INSERT INTO console SELECT * FROM scores WITH (name = 'permissive');
INSERT INTO console SELECT id, name, length(name) AS len, score, ok, at FROM strict
  WITH (name = 'dropmalformed');
