-- multiLine = false (each line univocity's whole buffer, CsvParser.parseLine): univocity 2.9.1's
-- getString trims an unquoted value's trailing whitespace (ignoreTrailingWhiteSpace) walking
-- back without a bound: f.csv's third line starts with a value of a space and a tab ended by
-- the delimiter, nothing before it on the line, so the walk reads before the buffer and the
-- ArrayIndexOutOfBoundsException fails the task whatever the mode (univocity issue #449,
-- fixed after 2.9.1).  Both columns are read, so univocity reads every value with getString.
-- The position is the line's first byte.
CREATE SOURCE src (a STRING, b STRING)
  WITH (connector = 'files', path = 'data/l', format = 'csv', ignoreTrailingWhiteSpace = true);
CREATE SINK console WITH (connector = 'console', truncate = false);
INSERT INTO console SELECT a, b FROM src;
