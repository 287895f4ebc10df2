-- format_number(x, 'pattern'): Spark's FormatNumber with a string pattern is java.text.DecimalFormat
-- (applyLocalizedPattern, Locale.US symbols, HALF_EVEN): grouping by the digits after the last
-- ',', '0' digits always shown, '#' digits only when not zero, literal and quoted prefixes and
-- suffixes, '%' multiplying by 100, a negative subpattern after ';', '' the default
-- "#,###,###,###,###,###,##0"; a pattern from a column works too (NULL gives NULL).  The
-- expected strings are Java's DecimalFormat output.
CREATE SOURCE e (d DOUBLE, n BIGINT, m DECIMAL(10, 3), p STRING)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console', truncate = false);
INSERT INTO o
SELECT format_number(d, '#,###,###.##') AS a, format_number(d, '0.000') AS b,
       format_number(n, '##0.0#') AS c, format_number(m, '0.00%') AS pct,
       format_number(m, '\'#\'#,##0.0 \'units\'') AS q, format_number(n, '') AS dflt,
       format_number(d, p) AS computed
FROM e;
