-- expect: 3:19: aggregate function 'try_avg' cannot be used inside another aggregate function
CREATE TABLE t (k STRING, n INT) WITH (connector = 'files', path = 'data/t', format = 'json');
SELECT k, try_sum(try_avg(n)) FROM t GROUP BY k;
