-- expect: 5:37: [DATATYPE_MISMATCH.INVALID_ORDERING_TYPE] Cannot resolve "(m IN (m))" due to data type mismatch: The `in` does not support ordering on type "MAP<STRING, INT>".
CREATE SOURCE e (a INT, s STRING, m MAP<STRING, INT>)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console');
INSERT INTO o SELECT a FROM e WHERE m IN (m);
