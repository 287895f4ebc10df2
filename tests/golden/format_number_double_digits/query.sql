-- format_number(x, d) of a DOUBLE: FormatNumber's DecimalFormat formats the digits of
-- Double.toString(x) (DigitList.set), padded with zeros and rounded HALF_EVEN, a 5 that ends
-- those digits a tie only when they are the exact value; not the binary value's expansion.
CREATE TABLE t (id INT, x DOUBLE, d INT) WITH (connector = 'files', path = 'data/events', format = 'json');

SELECT id, format_number(x, d) AS f FROM t ORDER BY id WITH (truncate = false);
SELECT format_number(x, 3) AS f3 FROM t WHERE id = 1;
