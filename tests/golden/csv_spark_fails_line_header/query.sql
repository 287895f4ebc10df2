-- As csv_spark_fails_line, the value of whitespace (a space) starting the header line, which
-- the files source reads (CSVHeaderChecker.checkHeaderColumnNames(lines, tokenizer):
-- tokenizer.parseLine(header), with or without enforceSchema).
CREATE SOURCE src (a STRING, b STRING)
  WITH (connector = 'files', path = 'data/h', format = 'csv', header = true,
        ignoreTrailingWhiteSpace = true);
CREATE SINK console WITH (connector = 'console', truncate = false);
INSERT INTO console SELECT a, b FROM src;
