-- format_string's %a with a precision below 13 (java.util.Formatter.hexDouble): the
-- significand rounded half to even on its bits to that many hexadecimal digits (a carry may
-- raise the exponent, the greatest double rounds to 0x1.0p1024), a subnormal normalised
-- first; a precision of 0 counts as 1; the digits padded with zeros to the precision.  The
-- expected strings are Java 17's String.format(Locale.US, ...) of the same doubles.
CREATE SOURCE e (id INT, d DOUBLE) WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console', truncate = false, numRows = 50);
INSERT INTO o
SELECT id, format_string('%.0a|%.1a|%.3a', d, d, d) AS short,
       format_string('%.12a|%.13a|%A', d, d, d) AS long,
       printf('%+15.2a|%015.2a|%-12.1A|', d, d, d) AS padded
FROM e;
