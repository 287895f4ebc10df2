-- try_cast of MAP values (Cast in EvalMode.TRY; canTryCast of two MapTypes is canCast's:
-- keys castable without becoming NULL, values castable).  Keys and values are cast with
-- ANSI's rules and a cast that would throw makes the whole map NULL (nullSafeEval catches
-- it), while a NULL value stays NULL.
-- CAST (non-ANSI) gives NULL values instead.
CREATE SOURCE e (id INT, m MAP<STRING, STRING>, b MAP<STRING, BIGINT>)
WITH (connector = 'files', path = 'data/e', format = 'json');
CREATE SINK o WITH (connector = 'console', truncate = false);
INSERT INTO o
SELECT id, try_cast(m AS MAP<STRING, INT>) AS mi, try_cast(m AS MAP<STRING, DATE>) AS md,
       CAST(m AS MAP<STRING, INT>) AS ci, try_cast(m AS STRING) AS ms
FROM e WITH (name = 'strings');
INSERT INTO o
SELECT id, try_cast(b AS MAP<STRING, INT>) AS bi, try_cast(b AS MAP<STRING, DOUBLE>) AS bd,
       try_cast(map(CAST(id AS BIGINT) * 1000000000, 'v') AS MAP<INT, STRING>) AS ko,
       try_cast(map('d', CAST('2024-01-02' AS DATE)) AS MAP<STRING, TIMESTAMP>) AS dt,
       try_cast(map('n', map('k', CASE WHEN id > 3 THEN 'z' ELSE CAST(id AS STRING) END))
                AS MAP<STRING, MAP<STRING, INT>>) AS nested
FROM e WITH (name = 'numbers');
-- To DECIMAL: an overflow throws (the map is NULL), a NaN or an infinity is a NULL value
-- (castToDecimal catches Decimal's NumberFormatException).
INSERT INTO o
SELECT id, try_cast(map('a', CAST(id AS DOUBLE) * 600.5D) AS MAP<STRING, DECIMAL(5, 2)>) AS md,
       try_cast(map('n', CAST('NaN' AS DOUBLE), 'i', CAST('-Infinity' AS DOUBLE), 'x', 1.25D)
                AS MAP<STRING, DECIMAL(5, 2)>) AS mn
FROM e WHERE id < 3 WITH (name = 'decimals');
