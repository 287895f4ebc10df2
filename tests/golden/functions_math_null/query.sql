CREATE SOURCE events (k STRING, x DOUBLE, y DOUBLE, i INT, j BIGINT, s STRING)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console', numRows = 50);
CREATE SINK js WITH (connector = 'files', path = 'out/json', format = 'json');
-- math: DOUBLE results as Java's StrictMath gives them (exp(1) is 2.7182818284590455); ln/log10
-- of x <= 0 are NULL; names as Spark prints them
INSERT INTO out
SELECT k, sqrt(x), exp(y), ln(x), log10(x), pow(x, y), power(y, 2), sign(x), signum(i),
       sqrt(s), log10(j), exp(-x), exp(i), ln(j), pow(j, y)
FROM events;
-- pmod: integral (INT, BIGINT, their extremes) and DOUBLE; NULL for a zero divisor
INSERT INTO out
SELECT k, pmod(i, 3) AS p1, pmod(i, j) AS p2, pmod(j, i) AS p3, pmod(x, y) AS p4,
       pmod(i, -1) AS p5, pmod(-7, -3) AS p6, pmod(CAST('-7.5' AS DOUBLE), 2) AS p7, pmod(s, 4) AS p8,
       pmod(x, 0) AS p9, pmod(-1, -2147483648) AS p10
FROM events;
-- NULL handling and extremes: wider common type, NULLs skipped, NaN above every double
INSERT INTO out
SELECT k, nvl(x, y), ifnull(s, 'none'), nullif(i, 5), nullif(x, y), nullif(s, 9),
       greatest(x, y, i), least(x, y, i), greatest(i, j), least(s, k), greatest(y, NULL),
       least(y, x), greatest(y, x)
FROM events;
INSERT INTO js
SELECT k, sqrt(x) AS r, ln(x) AS l, pmod(x, y) AS p, greatest(x, y) AS g, nullif(i, 5) AS n,
       sign(y) AS sg
FROM events
WITH (checkpointLocation = 'chk');
