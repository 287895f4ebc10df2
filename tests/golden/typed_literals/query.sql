-- Spark's typed numeric literals (SqlBaseLexer: BIGINT_LITERAL 10L, SMALLINT_LITERAL 10S,
-- TINYINT_LITERAL 10Y, FLOAT_LITERAL 1.5F, case-insensitive) and the names Spark gives
-- literals: PrettyAttribute(v.toString), so Java's Long, Short, Byte, Float and
-- Double.toString (1.0E7, 1.0E-4, a float's own shortest digits 0.1).
CREATE SOURCE s (k INT) WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console', truncate = false);
INSERT INTO o
SELECT 10L, -128Y, 32767s, 1.5F, 0.1f, typeof(10L), typeof(1Y), typeof(2S), typeof(0.1F),
       10L + k, 1e7, 1.0E-4D, 0.1F + 1, -9223372036854775808L, 127y + 1Y, 2147483647L + 1
FROM s;
