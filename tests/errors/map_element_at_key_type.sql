-- expect: 5:22: [DATATYPE_MISMATCH.MAP_FUNCTION_DIFF_TYPES] Cannot resolve "element_at(m, array(1))" due to data type mismatch: Input to `element_at` should have been "MAP" followed by a value with same key type, but it's ["MAP<STRING, INT>", "ARRAY<INT>"].
CREATE SOURCE e (a INT, s STRING, m MAP<STRING, INT>)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console');
INSERT INTO o SELECT element_at(m, array(1)) FROM e;
