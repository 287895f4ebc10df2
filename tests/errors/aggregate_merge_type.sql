-- expect: 5:41: [DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] Cannot resolve "aggregate(xs, 0, lambdafunction((namedlambdavariable() + 1.5), namedlambdavariable(), namedlambdavariable()), lambdafunction(namedlambdavariable(), namedlambdavariable()))" due to data type mismatch: Parameter 3 requires the "INT" type, however "lambdafunction((namedlambdavariable() + 1.5), namedlambdavariable(), namedlambdavariable())" has the type "DECIMAL(12,1)".
CREATE SOURCE events (time TIMESTAMP, n INT, xs ARRAY<INT>)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT aggregate(xs, 0, (a, x) -> a + 1.5) FROM events;
