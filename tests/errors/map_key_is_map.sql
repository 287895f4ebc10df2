-- expect: 5:22: [DATATYPE_MISMATCH.INVALID_MAP_KEY_TYPE] Cannot resolve "map(m, 1)" due to data type mismatch: The key of map cannot be/contain "MAP<STRING, INT>".
CREATE SOURCE e (a INT, s STRING, m MAP<STRING, INT>)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console');
INSERT INTO o SELECT map(m, 1) FROM e;
