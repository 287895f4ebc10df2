-- multiLine = true with a corrupt record column (Spark's MultiLineJsonDataSource): a malformed
-- file is one malformed record whose _corrupt_record is the file's text, every byte as it is
-- (partitionedFileString reads the file again): b ("\r\n" line ends, a bad value), c (an
-- array whose second element has a string for INT id: both rows, partial results, the text
-- on each), d (a byte order mark, cut short), f (a '\n' inside a string, ending in a lone
-- '\r').  a and e (only its first value read) are well formed: _corrupt_record NULL.  The
-- inferred schema (PERMISSIVE) gains _corrupt_record, sorted first by name; id is STRING
-- (c's 3 and "x3").  One file per batch.
CREATE SOURCE m (id INT, s STRING, _corrupt_record STRING)
  WITH (connector = 'files', path = 'data/ml', multiLine = true, maxFilesPerTrigger = 1);
CREATE SOURCE inferred
  WITH (connector = 'files', path = 'data/ml', multiLine = true, inferSchema = true);
CREATE SINK console WITH (connector = 'console', truncate = false);
INSERT INTO console
  SELECT id, s, length(_corrupt_record) AS n, hex(_corrupt_record) AS text FROM m
  WITH (name = 'corrupt_files');
