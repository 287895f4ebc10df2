-- An input with no digit at all ('  ': the digit group ignores whitespace) against a format
-- without a fraction: Spark 3.5's ToNumberParser.parseResultToDecimalValue builds
-- new java.math.BigDecimal("") and its NumberFormatException (no message) escapes, even from
-- try_to_number (TryToNumber only turns format mismatches into NULL). Spark 4 reports a
-- format mismatch instead; this follows 3.5.
CREATE SOURCE s (id INT, s STRING)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console', truncate = false);
INSERT INTO o SELECT id, try_to_number(s, '999') AS n FROM s WITH (name = 'nodigits');
