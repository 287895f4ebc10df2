-- Integers and decimals in a CSV file written with other scripts' digits.  Spark's CSV reader
-- converts a field with Java: Integer.parseInt, Long.parseLong, Short.parseShort and
-- BigDecimal(String) take every decimal digit of the Basic Multilingual Plane
-- (Character.digit: Arabic-Indic, fullwidth, ...); Double.parseDouble takes ASCII digits only,
-- and a digit beyond the BMP (U+1D7CF) or a superscript is no digit.  A field that does not
-- convert is NULL and its row kept (PERMISSIVE).  CAST(string AS DECIMAL) is BigDecimal too
-- (Decimal.fromString, after String.trim, commas not dropped); CAST(string AS INT) reads
-- ASCII digits only (UTF8String.toInt).
CREATE SOURCE n (i INT, l BIGINT, d DECIMAL(6, 2), x DOUBLE, s SMALLINT, t STRING)
  WITH (connector = 'files', path = 'data/events', format = 'csv', header = true);
CREATE SINK o WITH (connector = 'console', truncate = false);
INSERT INTO o SELECT i, l, d, x, s, i + s AS sum, CAST(t AS DECIMAL(5, 2)) AS td, CAST(t AS INT) AS ti
FROM n;
