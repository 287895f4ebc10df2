-- multiLine = true (Spark's MultiLineJsonDataSource): each file is one record, its first JSON
-- value read as a line is (a: an object over six lines; b: an array over "\r\n" lines, a row
-- per element; c: malformed, PERMISSIVE's row of NULLs; d: only its first value, id 5; e:
-- blank, no row).  inferSchema reads whole files too (DROPMALFORMED: c adds no corrupt
-- record column): id BIGINT, name STRING, tags ARRAY<STRING>.  One file per batch.
CREATE SOURCE m (id INT, name STRING, tags ARRAY<STRING>)
  WITH (connector = 'files', path = 'data/ml', multiLine = true, maxFilesPerTrigger = 1);
CREATE SOURCE inferred
  WITH (connector = 'files', path = 'data/ml', multiLine = true, inferSchema = true,
        mode = 'DROPMALFORMED');
CREATE SINK console WITH (connector = 'console', truncate = false);
INSERT INTO console SELECT * FROM m WITH (name = 'whole_files');
