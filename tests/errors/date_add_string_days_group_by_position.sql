-- expect: 4:21: [SECOND_FUNCTION_ARGUMENT_NOT_INTEGER] The second argument of `date_add` function needs to be an integer.
-- An error in a SELECT item that GROUP BY 1 names is reported once (Spark stops at it).
CREATE TABLE t (ts TIMESTAMP, k STRING) WITH (connector = 'files', path = 'data/t', format = 'json');
SELECT date_add(ts, 'x') AS w, count(*) AS n FROM t GROUP BY 1;
