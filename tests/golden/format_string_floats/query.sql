-- format_string / printf with %e %E %g %G %a over DOUBLE and FLOAT values (java.util.Formatter:
-- a FLOAT is formatted as its double; %e keeps at least two exponent digits; %g keeps its
-- trailing zeros and goes scientific below 10^-4 or from 10^precision on; %a is
-- Double.toHexString).  The expected strings are Java's String.format(Locale.US, ...).
CREATE SOURCE e (d DOUBLE, f FLOAT) WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console', truncate = false);
INSERT INTO o
SELECT format_string('%e|%.3E|%g|%.2G|%a', d, d, d, d, d) AS dbl,
       printf('%10.4e|%-10.2g|%,g|%+A', f, f, f, f) AS flt
FROM e;
