-- expect: 5:24: [DATATYPE_MISMATCH.MAP_CONCAT_DIFF_TYPES] Cannot resolve "map_concat(m, n)" due to data type mismatch: The `map_concat` should all be of type map, but it's ["MAP<STRING, INT>", "INT"].
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT, a ARRAY<INT>, m MAP<STRING, INT>)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT map_concat(m, n) FROM events;
