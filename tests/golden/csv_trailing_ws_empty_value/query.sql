-- Expected by hand.  Spark 3.5 hands univocity's CsvParser one line at a time
-- (UnivocityParser.parse -> parseLine) with nullValue 'NA' and emptyValue "" (emptyValueInRead).
-- A value followed by a separator is read by the fast path (AbstractCharInputReader.getString:
-- trimmed to nothing it is nullValue); the last one runs into the end of the input, is
-- collected by the appender (appendUntil, AbstractParser.handleEOF -> valueParsed) and trimmed
-- to nothing it is the appender's empty value, CsvParserSettings.newCharAppender's
-- emptyValue.  UnivocityParser.nullSafeDatum: a value equal to 'NA' is NULL, else it converts.
-- 1 '1,x,   ': n is "" -> Integer.parseInt("") fails: malformed, n NULL, the line kept;
-- 2 '2,   ,7': a is 'NA' -> NULL, n 7;
-- 3 '3,"",8': a quoted empty value is emptyValue "": an empty string, n 8;
-- 4 '4,w,""': the quoted "" at the end is "" too: n malformed;
-- 5 '5,v,': nothing after the separator (handleEOF -> emptyParsed) is nullValue: n NULL, fine;
-- 6 '6,   ,9': a NULL, n 9.
CREATE SOURCE ev (id INT, a STRING, n INT, _corrupt_record STRING)
  WITH (connector = 'files', path = 'data/events', format = 'csv',
        ignoreTrailingWhiteSpace = true, nullValue = 'NA');
CREATE SINK out WITH (connector = 'console', truncate = false);
INSERT INTO out SELECT id, a, n, _corrupt_record FROM ev;
