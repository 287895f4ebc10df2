-- expect: 5:35: [DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] Cannot resolve "filter(xs, lambdafunction((namedlambdavariable() + 1), namedlambdavariable()))" due to data type mismatch: Parameter 2 requires the "BOOLEAN" type, however "lambdafunction((namedlambdavariable() + 1), namedlambdavariable())" has the type "INT".
CREATE SOURCE events (time TIMESTAMP, n INT, xs ARRAY<INT>)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT filter(xs, x -> x + 1) FROM events;
