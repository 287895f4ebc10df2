-- expect: 3:11: DISTINCT in regr_count is not supported yet
CREATE TABLE t (k STRING, n INT) WITH (connector = 'files', path = 'data/t', format = 'json');
SELECT k, regr_count(DISTINCT n, n) FROM t GROUP BY k;
