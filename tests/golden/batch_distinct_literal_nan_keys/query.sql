-- SELECT DISTINCT groups by its items themselves: an INT literal item is a constant, not a
-- GROUP BY position. A NaN constant in a key (CAST('NaN' AS DOUBLE)) matches the same
-- expression in the select list (Literal.equals is Double.equals: NaN equals NaN).
CREATE TABLE t (k INT, z BOOLEAN, d DOUBLE)
WITH (connector = 'files', path = 'data/t', format = 'json');

SELECT DISTINCT 7 AS c0, 0, z FROM t ORDER BY z;
SELECT DISTINCT coalesce(d, CAST('NaN' AS DOUBLE)) AS c0 FROM t ORDER BY c0;
SELECT CASE WHEN k > 0 THEN d ELSE CAST('NaN' AS DOUBLE) END AS c, count(*) AS n
FROM t GROUP BY CASE WHEN k > 0 THEN d ELSE CAST('NaN' AS DOUBLE) END ORDER BY c;
