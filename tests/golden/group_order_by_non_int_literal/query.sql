-- Only an INT literal in GROUP BY or ORDER BY is a position (Spark's
-- SubstituteUnresolvedOrdinals matches Literal(_, IntegerType)): a BIGINT literal (3000000000,
-- 5L), a TINYINT/SMALLINT one (7Y, 2S) or a DECIMAL one is a constant key.
CREATE TABLE t (k INT, s STRING) WITH (connector = 'files', path = 'data/t', format = 'json');

SELECT s, 3000000000 AS big, count(*) AS n FROM t GROUP BY s, 3000000000 ORDER BY s;
SELECT k, count(*) AS n FROM t GROUP BY k, 5L ORDER BY 5L, k DESC;
SELECT 7Y AS y, 2S AS m, count(*) AS n FROM t GROUP BY 7Y, 2S;
SELECT k FROM t ORDER BY 9223372036854775808, -4294967296L, 1;
