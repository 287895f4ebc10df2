-- expect: 6:8: [MISSING_AGGREGATION] The non-aggregating expression "x" is based on columns which are not participating in the GROUP BY clause. Add the columns or the expression to the GROUP BY, aggregate the expression, or use "any_value(x)" if you do not care which of the values within a group is returned.
-- 0.0D and -0.0D are different literals (Literal.equals is Double.equals), so x + 0.0D is not
-- the key x + -0.0D.
CREATE TABLE t (x DOUBLE) WITH (connector = 'files', path = 'data/t', format = 'json');
CREATE SINK out WITH (connector = 'console');
SELECT x + 0.0D AS a, count(*) AS n FROM t GROUP BY x + -0.0D;
