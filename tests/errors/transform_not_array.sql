-- expect: 5:34: [DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] Cannot resolve "transform(n, lambdafunction(namedlambdavariable(), namedlambdavariable()))" due to data type mismatch: Parameter 1 requires the "ARRAY" type, however "n" has the type "INT".
CREATE SOURCE events (time TIMESTAMP, n INT, xs ARRAY<INT>)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT transform(n, x -> x) FROM events;
