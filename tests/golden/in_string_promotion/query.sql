-- x IN (v, ...) of different types: Spark's InConversion casts every operand to
-- findWiderCommonType, strings first, so a number and a string compare as STRINGs
-- (`1 IN ('1.0')` is false, `'01' IN (1)` is false), a DATE or TIMESTAMP as its text
-- ('2024-01-01 00:00:00' matches a midnight TIMESTAMP, '2024-01-01' does not), and numbers
-- as their wider DECIMAL.  A NULL in the list makes a row with no match NULL.  Each value of
-- expected.out follows from those casts by hand; a3 and a4 are lists of more than ten
-- constants (one lookup in a sorted table).
CREATE TABLE t (i INT, s STRING, d DATE, t TIMESTAMP, b BOOLEAN)
  WITH (connector = 'files', path = 'data/t', format = 'json');
SELECT i, s, i IN ('1', '10.0') a1, s IN (1, 2) a2, s IN (1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11) a3,
       i IN ('1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11') a4,
       d IN ('2024-01-01') a5, t IN ('2024-01-01 00:00:00') a6, t IN ('2024-01-01') a7,
       i IN (1.0, 10L) a8, s IN ('1', NULL) a9, i IN (1.5, 10) a10, 1 IN ('1.0') a11
FROM t WITH (truncate = false);
