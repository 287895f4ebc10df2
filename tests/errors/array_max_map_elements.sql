-- expect: 5:22: [DATATYPE_MISMATCH.INVALID_ORDERING_TYPE] Cannot resolve "array_max(array(m))" due to data type mismatch: The `array_max` does not support ordering on type "MAP<STRING, INT>".
CREATE SOURCE e (a INT, s STRING, m MAP<STRING, INT>)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console');
INSERT INTO o SELECT array_max(array(m)) FROM e;
