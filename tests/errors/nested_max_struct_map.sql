-- expect: 5:22: [DATATYPE_MISMATCH.INVALID_ORDERING_TYPE] Cannot resolve "max(named_struct(a, a, m, m))" due to data type mismatch: The `max` does not support ordering on type "STRUCT<a: INT, m: MAP<STRING, INT>>".
CREATE SOURCE e (a INT, s STRING, m MAP<STRING, INT>)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console');
INSERT INTO o SELECT max(named_struct('a', a, 'm', m)) FROM e;
