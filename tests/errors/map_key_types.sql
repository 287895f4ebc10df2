-- expect: 5:22: [DATATYPE_MISMATCH.CREATE_MAP_KEY_DIFF_TYPES] Cannot resolve "map(1, 2, true, 3)" due to data type mismatch: The given keys of function `map` should all be the same type, but they are ["INT", "BOOLEAN"].
CREATE SOURCE e (a INT, s STRING, m MAP<STRING, INT>)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console');
INSERT INTO o SELECT map(1, 2, true, 3) FROM e;
