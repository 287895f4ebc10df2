-- expect: 3:19: [NESTED_AGGREGATE_FUNCTION] It is not allowed to use an aggregate function in the argument of another aggregate function. Please use the inner aggregate function in a sub-query.
CREATE TABLE t (k STRING, n INT) WITH (connector = 'files', path = 'data/t', format = 'json');
SELECT k, try_sum(try_avg(n)) FROM t GROUP BY k;
