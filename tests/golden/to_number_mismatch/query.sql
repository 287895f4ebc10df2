-- to_number (ToNumber: ToNumberParser(errorOnFail = true)) fails the query on an input that
-- does not match the format with QueryExecutionErrors.invalidNumberFormatError: the error
-- class INVALID_FORMAT.MISMATCH_INPUT, the format upper-cased (toUpperCase(Locale.ROOT)) and
-- the input as written. The second row fails batch 0, so nothing is shown.
CREATE SOURCE s (id INT, s STRING)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console', truncate = false);
INSERT INTO o SELECT id, to_number(s, '9g9') AS n FROM s WITH (name = 'tonum');
