-- mask (Spark 3.4+'s Mask: each UTF-16 char by Character.getType, Lu -> upper, Ll -> lower,
-- Nd -> digit, others -> other; defaults 'X', 'x', 'n', NULL; a NULL replacement keeps the
-- char; a char beyond the BMP is two surrogates of type "other"), luhn_check (3.5's
-- ExpressionImplUtils.isLuhnNumber over Character.isDigit) and getbit/bit_get (BitwiseGet:
-- (x >> pos) & 1 within the type's bits). Expected values worked out by hand.
CREATE SOURCE src (id INT, s STRING, l STRING, x INT, p INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console', truncate = false, numRows = 50);
INSERT INTO o
SELECT id, mask(s), mask(s, 'Q', NULL, 'd', '*') AS m5, mask(s, NULL, NULL, NULL, 'o') AS mo,
       luhn_check(l) AS luhn, getbit(x, p) AS gb, bit_get(CAST(x AS BIGINT), p + 32) AS gl,
       luhn_check(id * 1000 + 18) AS ln
FROM src;
