-- Spark 3.5 (bitwiseExpressions.scala, predicates.scala, regexpExpressions.scala, AstBuilder).
-- Bitwise: '&' binds tighter than '^', '^' than '|', all looser than '+'; INT & BIGINT is a
-- BIGINT; ~x is x ^ -1.  Expected rows (a, b):
--   12, 10:         8 | 14 | 6 | -13 | null | 3 | 7 | 0 | 10
--   -1, 4294967296: 4294967296 | -1 | -4294967297 | 0 | null | 3 | 7 | 0 | 0
--   0, NULL:        null | 6 | null | -1 | null | 3 | 7 | 0 | null
--   NULL, 7:        null | null | null | null | null | 3 | 7 | 0 | 7
-- (p1 = (1 + 2) & 3 = 3; p2 = 5 | (2 ^ (3 & 1)) = 5 | 3 = 7; p3 = ~(-1) = 0.)
CREATE SOURCE s (a INT, b BIGINT, s STRING, p STRING, f BOOLEAN)
WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console', truncate = false);
INSERT INTO o
SELECT a & b, a | 6, a ^ b, ~a, a & NULL AS an, 1 + 2 & 3 AS p1, 5 | 2 ^ 3 & 1 AS p2, ~-1 AS p3,
       b & 255 AS lo
FROM s WITH (name = 'bitwise');

-- Predicates.  IS TRUE is EqualNullSafe(f, true), IS NOT FALSE is NOT (f <=> false), so
-- neither is ever NULL; IS UNKNOWN is IsUnknown; IS DISTINCT FROM is NOT (a <=> b).  LIKE with
-- ESCAPE '!' makes !% a literal %; ILIKE is Like(lower(s), lower(pattern)); a pattern from a
-- column is checked row by row.  Expected rows (s, p, f, a):
--   a%c, a!%c, true, 12:   true  | true  | false | true  | true  | true  | false | true  | false | false
--   ABC, a_c, false, -1:   false | false | true  | true  | false | false | false | true  | true  | false
--   abX, %x, NULL, 0:      false | false | false | true  | false | true  | true  | false | true  | false
--   Ähre, ä%, NULL, NULL:  false | false | false | false | false | true  | true  | false | true  | true
INSERT INTO o
SELECT s, s LIKE 'a!%c' ESCAPE '!', s LIKE p ESCAPE '!' AS l2, s ILIKE 'abc',
       s NOT ILIKE 'ä%' AS i2, f IS TRUE, f IS NOT FALSE, f IS UNKNOWN, a IS DISTINCT FROM 12,
       a IS NOT DISTINCT FROM NULL AS d2
FROM s WITH (name = 'predicates');
