-- format_string of strings (FormatString: java.util.Formatter, Locale.US; Java 8-17's
-- FormatSpecifier.print(String)): a precision keeps s.substring(0, precision) and a width pads
-- to width - cs.length() (appendJustified), both in UTF-16 chars, so a character past the BMP
-- counts twice and a precision through it leaves half a surrogate pair, which UTF8String's
-- fromString writes as '?'; %S upper-cases after the precision with String.toUpperCase
-- (SpecialCasing: 'ß' is SS, 'ﬁ' is FI), then justifies.
CREATE SOURCE e (id INT, s STRING)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console', truncate = false);
INSERT INTO o
SELECT id, format_string('[%5s][%-6s][%.1s][%.2s]', s, s, s, s) AS w,
       format_string('[%S][%4S][%.1S]', s, s, s) AS u
FROM e;
