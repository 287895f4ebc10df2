-- UNION and UNION ALL in batch queries: columns by position, names from the first branch, types
-- widened (INT and BIGINT give BIGINT, a NULL column takes the other type), UNION as a DISTINCT
-- over all columns (NULL equal to NULL), a mixed chain as Spark's left-associative setOperation (a
-- UNION ALL b UNION c is one DISTINCT over the three), ORDER BY and LIMIT after the last branch
-- for the whole union, a parenthesized branch, and a union in a FROM subquery.
CREATE TABLE a (k STRING, v INT) WITH (connector = 'files', path = 'data/a', format = 'json');
CREATE TABLE b (name STRING, big BIGINT) WITH (connector = 'files', path = 'data/b', format = 'json');

SELECT k, v FROM a UNION ALL SELECT name, big FROM b;
SELECT k, v FROM a UNION SELECT name, big FROM b ORDER BY k, v;
SELECT k FROM a UNION ALL SELECT name FROM b UNION SELECT k FROM a ORDER BY k;
SELECT v AS value, 'a' AS src FROM a UNION ALL (SELECT big, 'b' FROM b WHERE big > 1)
UNION ALL SELECT NULL, 'none' FROM a WHERE k = 'y' ORDER BY value DESC, src LIMIT 4;
SELECT k, count(*) AS n, sum(v) AS total
FROM (SELECT k, v FROM a UNION ALL SELECT name AS k, big AS v FROM b)
GROUP BY k ORDER BY k;
