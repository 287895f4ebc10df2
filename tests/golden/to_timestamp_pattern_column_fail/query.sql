-- A pattern read from a column is checked as a constant one is, per row: Spark 3.5 builds the
-- formatter in ToTimestamp.eval (getFormatter, when the text and the pattern are not NULL),
-- and E is in DateTimeFormatterHelper's unsupportedLettersForParsing while SimpleDateFormat
-- reads it, so the third row throws SparkUpgradeException (DATETIME_PATTERN_RECOGNITION), which
-- is no parse error: batch 0 fails. The first row (NULL text) is NULL without a check.
CREATE SOURCE src (s STRING, p STRING) WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console', truncate = false);
INSERT INTO o SELECT s, to_timestamp(s, p) AS t FROM src WITH (name = 'parse');
