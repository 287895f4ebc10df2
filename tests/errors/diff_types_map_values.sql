-- expect: 5:24: [DATATYPE_MISMATCH.CREATE_MAP_VALUE_DIFF_TYPES] Cannot resolve "map(k, n, l, time)" due to data type mismatch: The given values of function `map` should all be the same type, but they are ["INT", "TIMESTAMP"].
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT, a ARRAY<INT>, m MAP<STRING, INT>)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT map('k', n, 'l', time) FROM events;
