-- expect: 4:35: [DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] Cannot resolve "zip_with(xs, id, lambdafunction((namedlambdavariable() + namedlambdavariable()), namedlambdavariable(), namedlambdavariable()))" due to data type mismatch: Parameter 2 requires the "ARRAY" type, however "id" has the type "INT".
CREATE SOURCE s (id INT, xs ARRAY<INT>) WITH (connector = 'files', path = 'data');
CREATE SINK o WITH (connector = 'console');
INSERT INTO o SELECT zip_with(xs, id, (x, y) -> x + y) FROM s;
