-- date_format with the pattern from a column: DateFormatClass.nullSafeEval builds the formatter
-- per row (TimestampFormatter(format, isParsing = false)); seven y is in
-- DateTimeFormatterHelper's unsupportedPatternLengths and SimpleDateFormat reads it, so the
-- third row throws SparkUpgradeException and batch 0 fails (a NULL timestamp is not checked).
CREATE SOURCE src (t TIMESTAMP, p STRING) WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console', truncate = false);
INSERT INTO o SELECT t, date_format(t, p) AS f FROM src WITH (name = 'fmt');
