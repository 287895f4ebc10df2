-- expect: 4:28: rand() where Spark may not evaluate it for every row (a later branch of CASE, IF or COALESCE, the right side of AND or OR, an IN list, a lambda function, or after an operand that can be NULL) is not supported yet: compute it as a column of a subquery
CREATE SOURCE s (k STRING, v INT) WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT v * rand(1) FROM s;
