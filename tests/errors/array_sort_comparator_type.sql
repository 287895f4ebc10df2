-- expect: 4:37: [DATATYPE_MISMATCH.UNEXPECTED_RETURN_TYPE] Cannot resolve "array_sort(xs, lambdafunction((namedlambdavariable() < namedlambdavariable()), namedlambdavariable(), namedlambdavariable()))" due to data type mismatch: The `lambdafunction` requires return "INT" type, but the actual is "BOOLEAN" type.
CREATE SOURCE s (id INT, xs ARRAY<INT>) WITH (connector = 'files', path = 'data');
CREATE SINK o WITH (connector = 'console');
INSERT INTO o SELECT array_sort(xs, (a, b) -> a < b) FROM s;
