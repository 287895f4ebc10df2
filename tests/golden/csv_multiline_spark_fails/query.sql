-- univocity 2.9.1's getString (Spark 3.5's CSV reader) trims an unquoted value's trailing
-- whitespace (ignoreTrailingWhiteSpace) walking back without a bound: f.csv's first record,
-- after an empty line, starts with a value of two spaces ended by the delimiter, and
-- nothing but whitespace comes before it in the file, so the walk reads before the buffer
-- and the ArrayIndexOutOfBoundsException fails the task whatever the mode (univocity issue
-- #449, fixed after 2.9.1).  The position is the record's first byte.
CREATE SOURCE src (a STRING, b STRING, _corrupt_record STRING)
  WITH (connector = 'files', path = 'data/ml', format = 'csv', multiLine = true,
        ignoreTrailingWhiteSpace = true);
CREATE SINK console WITH (connector = 'console', truncate = false);
INSERT INTO console SELECT a, b FROM src;
