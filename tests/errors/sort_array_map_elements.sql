-- expect: 5:22: [DATATYPE_MISMATCH.INVALID_ORDERING_TYPE] Cannot resolve "sort_array(array(m), true)" due to data type mismatch: The `sort_array` does not support ordering on type "ARRAY<MAP<STRING, INT>>".
CREATE SOURCE e (a INT, s STRING, m MAP<STRING, INT>)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console');
INSERT INTO o SELECT sort_array(array(m)) FROM e;
