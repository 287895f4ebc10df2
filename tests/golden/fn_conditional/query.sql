-- if(c, a, b) is Spark's If (conditionalExpressions.scala), its values coerced as CASE's
-- (IfCoercion); nvl2(a, b, c) is If(IsNotNull(a), b, c) (Nvl2, nullExpressions.scala); isnull,
-- isnotnull are IsNull, IsNotNull; mod is Remainder as `%` (Java's remainder, NULL for a zero
-- divisor); DIV is IntegralDivide (arithmetic.scala: INT operands cast to BIGINT, a BIGINT,
-- NULL for a zero divisor, Long.MinValue div -1 wraps to Long.MinValue without ANSI mode);
-- <=> is EqualNullSafe (predicates.scala: never NULL).  Expected, first query, per row
-- (a, b, c, d):
--   7, 2, 10, 1.5:   pos, 7.0, 2, has, false, true, 1, 1, 3, 5, 3, false, false, true
--   -7, 2, -10, -2.5: neg, -2.5 (d), 2, has, ..., -7 % 2 = -1 (sign of a), -3, -5, -3
--   7, 0, 0, 0.0:    mod, %, DIV by 0: NULL; div(0, 0) NULL; 0 div 3 = 0
--   -2147483648, -1, -9223372036854775808, 3.0: mod 0; a DIV b = 2147483648 (BIGINT, no
--                    wrap); c div -1 = -9223372036854775808 (wraps); c div 3 =
--                    -3074457345618258602 (truncated toward zero)
--   NULL, NULL, 5, NULL: if(NULL > 0 ...) takes the ELSE: neg; ifd NULL; nvl2 none; isnull
--                    true; isnotnull false; 5 div 3 = 1; NULL <=> NULL true
-- DIV of decimals (third query): DecimalPrecision makes an integer literal a decimal of its
-- digits (2 is DECIMAL(1,0)) and an INT column DECIMAL(10,0); Decimal.quot truncates toward
-- zero: 12.34 div 2 = 6, -7.50 div 2 = -3, 999.99 div 2 = 499; m div 0.01 = 1234, -750, 0,
-- 99999; m div a = 1 (12.34 / 7), 1 (-7.50 / -7), 0, 0 (999.99 / -2147483648); div 0 NULL;
-- 7.5 div 2 = 3.
-- RLIKE, REGEXP, rlike, regexp_like, regexp are RLike (regexpExpressions.scala): Java's
-- matcher(s).find(0), a match anywhere, case-sensitive, NULL when either side is; named
-- RLIKE(s, p) (REGEXP_LIKE(s, p) through that alias).  'apple' ~ 'p+l' true, 'Banana' ~ '^B'
-- true, '' ~ '' true (an empty match), 'añb' ~ '^a.b$' true ('.' is one code point); 'an'
-- only in Banana; 'A' in none; '^a' in apple and añb; NOT RLIKE 'a' true only for ''; 'ñ'
-- only in añb.
CREATE SOURCE s (a INT, b BIGINT, c BIGINT, s STRING, p STRING, d DOUBLE, m DECIMAL(5,2))
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console', truncate = false);
INSERT INTO o
SELECT a, b, if(a > 0, 'pos', 'neg'), if(a > 0, a, d) AS ifd, if(NULL, 1, 2) AS ifn,
       nvl2(s, 'has', 'none') AS n2, isnull(s), isnotnull(a),
       mod(a, b), a % b, a DIV b, div(c, b) AS dv, c div 3 AS c3,
       a <=> b, s <=> NULL AS sn, NULL <=> NULL AS nn
FROM s;
INSERT INTO o
SELECT s, p, s RLIKE p, s REGEXP 'an', regexp_like(s, 'A'), rlike(s, '^a'), s NOT RLIKE 'a' AS nr,
       regexp(s, 'ñ') AS rn
FROM s;
INSERT INTO o
SELECT m, a, m DIV 2 AS m2, m div 0.01 AS mc, m DIV a AS ma, m DIV 0 AS m0, 7.5 DIV 2 AS l, NULL DIV m AS nm
FROM s;
