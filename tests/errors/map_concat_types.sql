-- expect: 5:22: [DATATYPE_MISMATCH.DATA_DIFF_TYPES] Cannot resolve "map_concat(m, map(1, true))" due to data type mismatch: Input to `map_concat` should all be the same type, but it's ("MAP<STRING, INT>" or "MAP<INT, BOOLEAN>").
CREATE SOURCE e (a INT, s STRING, m MAP<STRING, INT>)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console');
INSERT INTO o SELECT map_concat(m, map(1, true)) FROM e;
