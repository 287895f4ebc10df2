CREATE SOURCE events (k STRING) WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console', truncate = false);
INSERT INTO out
SELECT -2147483648, 2147483648, -2147483649, -9223372036854775808, 9223372036854775807,
       -(2147483648) AS paren, - 5, length(k) + -2147483648 AS int_add, length(k) - 2147483648 AS big_sub,
       2147483647 + length(k) AS int_wrap, -2147483648 - length(k) AS int_wrap2,
       - -2147483648 AS neg_wraps, - -9223372036854775808 AS neg_wraps_big
FROM events WITH (name = 'numbers');
INSERT INTO out
SELECT '\uD83D\uDE00' AS pair, '\U0001F600' AS u32, '\101\102\060' AS octal, '\uD83D!' AS lone,
       'a\%b\_c\'\"\\\x' AS escapes, r'\d+\u0041' AS raw, length('\uD83D\uDE00') AS n,
       concat(k, '\t|') AS tab
FROM events WITH (name = 'strings');
