-- As csv_spark_fails_line with the columns pruned and a whitespace separator (a tab): the
-- query reads b alone, so after the file's first line univocity skips a's values (its
-- NoopCharAppender: skipString trims nothing) and reads b's with getString.  t.csv's second
-- line: a is empty (the tab first), b a space ended by a tab: the walk back from it passes
-- the space and the tab before it, both whitespace, and reads before the buffer.
CREATE SOURCE src (a STRING, b STRING, c STRING)
  WITH (connector = 'files', path = 'data/t', format = 'csv', sep = '\t',
        ignoreTrailingWhiteSpace = true);
CREATE SINK console WITH (connector = 'console', truncate = false);
INSERT INTO console SELECT b FROM src;
