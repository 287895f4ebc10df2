-- expect: 5:22: [DATATYPE_MISMATCH.NULL_TYPE] Cannot resolve "map_contains_key(m, NULL)" due to data type mismatch: Null typed values cannot be used as arguments of `map_contains_key`.
CREATE SOURCE e (a INT, m MAP<STRING, INT>)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console');
INSERT INTO o SELECT map_contains_key(m, NULL) AS x FROM e;
