-- date_format's year letters as Spark 3.5 formats them: y is read as u
-- (DateTimeFormatterHelper.convertIncompatiblePattern), and four or more letters are
-- DateTimeFormatter's appendValue(YEAR, n, 19, EXCEEDS_PAD): '+' before a year with more
-- digits than letters, '-' before a negative one; fewer than four letters are NORMAL (a
-- sign for negatives only); two letters are the reduced two-digit year
-- (ReducedPrinterParser.getValue: |year| % 100, so -1 prints 01).
-- Rows: 10000-01-01, 2016-07-26 02:54:35, -0001-01-01 (proleptic Gregorian).
CREATE TABLE t (s BIGINT) WITH (connector = 'files', path = 'data/events', format = 'json');
SELECT date_format(timestamp_seconds(s), 'yyyy-MM-dd') AS y4, date_format(timestamp_seconds(s), 'yyyyy') AS y5,
       date_format(timestamp_seconds(s), 'yyyyyy') AS y6, date_format(timestamp_seconds(s), 'yyy') AS y3,
       date_format(timestamp_seconds(s), 'y') AS y1, date_format(timestamp_seconds(s), 'yy') AS y2,
       CAST(timestamp_seconds(s) AS STRING) AS str
FROM t WITH (truncate = false);
