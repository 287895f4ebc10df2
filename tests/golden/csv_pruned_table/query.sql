-- Static csv tables read with some of their columns (spark.sql.csv.parser.columnPruning
-- .enabled, Spark's default, and no corrupt-record column read): UnivocityParser passes the
-- columns read to univocity (CsvParserSettings.selectIndexes), whose ParserOutput gives the
-- others the NoopCharAppender once the parser's first row is parsed (rowParsed:
-- initializeColumnsToExtract).  CsvParser skips those values: a quoted one with
-- AbstractCharInputReader.skipQuotedString, which takes any quote after the escape for an
-- escaped one and ends the value at the first other quote followed by the delimiter, an
-- unquoted one with skipString, which trims nothing.  A file's first record is read whole.
-- p (escape '\'): line 2's a, "a\\",b", reads as a\ then the value b" when read; skipped, it
-- is one value up to the quote before ",c", so b is c and c is missing (NULL); line 1 is the
-- first, read whole.
CREATE TABLE lines_p (a STRING, b STRING, c STRING)
  WITH (connector = 'files', path = 'data/p', format = 'csv');
CREATE TABLE ml_p (a STRING, b STRING, c STRING)
  WITH (connector = 'files', path = 'data/p', format = 'csv', multiLine = true);
-- e (escape '"', the quote): line 2's "" is an empty value when read; skipped, its second
-- quote counts as escaped (the byte before it is the escape) and the value runs to c".
CREATE TABLE lines_e (a STRING, b STRING, c STRING)
  WITH (connector = 'files', path = 'data/e', format = 'csv', escape = '"');
CREATE TABLE ml_e (a STRING, b STRING, c STRING)
  WITH (connector = 'files', path = 'data/e', format = 'csv', escape = '"', multiLine = true);
-- w (ignoreTrailingWhiteSpace): line 2's a, two spaces before the delimiter, fails Spark's
-- task when read (univocity 2.9.1's getString, csv_spark_fails_line); skipped, skipString
-- trims nothing and nothing fails.
CREATE TABLE trail_w (a STRING, b STRING)
  WITH (connector = 'files', path = 'data/w', format = 'csv', ignoreTrailingWhiteSpace = true);

SELECT a, b, c FROM lines_p;
SELECT b, c FROM lines_p;
SELECT b, c FROM ml_p;
SELECT c FROM lines_p;
SELECT a, b FROM lines_e;
SELECT b FROM lines_e;
SELECT b FROM ml_e;
SELECT b FROM trail_w;
