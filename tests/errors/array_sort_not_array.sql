-- expect: 4:33: [DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] Cannot resolve "array_sort(id, lambdafunction((IF(((namedlambdavariable() IS NULL) AND (namedlambdavariable() IS NULL)), 0, (IF((namedlambdavariable() IS NULL), 1, (IF((namedlambdavariable() IS NULL), -1, (IF((namedlambdavariable() < namedlambdavariable()), -1, (IF((namedlambdavariable() > namedlambdavariable()), 1, 0)))))))))), namedlambdavariable(), namedlambdavariable()))" due to data type mismatch: Parameter 1 requires the "ARRAY" type, however "id" has the type "INT".
CREATE SOURCE s (id INT, xs ARRAY<INT>) WITH (connector = 'files', path = 'data');
CREATE SINK o WITH (connector = 'console');
INSERT INTO o SELECT array_sort(id) FROM s;
