-- expect: 5:37: [DATATYPE_MISMATCH.INVALID_ORDERING_TYPE] Cannot resolve "(array(m) < array(m))" due to data type mismatch: The `<` does not support ordering on type "ARRAY<MAP<STRING, INT>>".
CREATE SOURCE e (a INT, s STRING, m MAP<STRING, INT>)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console');
INSERT INTO o SELECT a FROM e WHERE array(m) < array(m);
