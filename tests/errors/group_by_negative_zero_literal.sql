-- expect: 6:8: column 'x' must appear in the GROUP BY clause or be used in an aggregate function
-- 0.0D and -0.0D are different literals (Literal.equals is Double.equals), so x + 0.0D is not
-- the key x + -0.0D.
CREATE TABLE t (x DOUBLE) WITH (connector = 'files', path = 'data/t', format = 'json');
CREATE SINK out WITH (connector = 'console');
SELECT x + 0.0D AS a, count(*) AS n FROM t GROUP BY x + -0.0D;
