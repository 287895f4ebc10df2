-- format_number (FormatNumber: DecimalFormat '#,###,###,###,###,###,##0.00...' in Locale.US,
-- HALF_EVEN on the exact value): 12332.123456 -> 12,332.12; 0.1f is 0.100000001490116...
-- -> 0.10; 1234567.125 -> 1,234,567.12 and 0.125 -> 0.12 (ties to even); 2.675 is
-- 2.67499999... as a double, 3 with no decimals; -0.001 and -0.005 keep their sign (-0.00),
-- -0.0 is -0; NaN, Infinity are NaN and ∞ (CLDR symbols); d < 0 is NULL.
CREATE SOURCE e (d DOUBLE, f FLOAT, i BIGINT, m DECIMAL(10,3), n INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console', truncate = false);
INSERT INTO o
SELECT format_number(d, n) AS fd, format_number(f, 2) AS ff, format_number(i, n) AS fi,
       format_number(m, n) AS fm, format_number(d, 0) AS fd0
FROM e;
