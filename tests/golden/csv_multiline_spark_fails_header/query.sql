-- As csv_multiline_spark_fails, the value of whitespace (a space and a tab) in the header
-- record, which the files source reads (CSVHeaderChecker.checkHeaderColumnNames(tokenizer):
-- one parseNext).
CREATE SOURCE src (a STRING, b STRING)
  WITH (connector = 'files', path = 'data/ml', format = 'csv', multiLine = true,
        header = true, ignoreTrailingWhiteSpace = true);
CREATE SINK console WITH (connector = 'console', truncate = false);
INSERT INTO console SELECT a, b FROM src;
