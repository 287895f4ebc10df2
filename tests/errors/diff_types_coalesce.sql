-- expect: 5:24: [DATATYPE_MISMATCH.DATA_DIFF_TYPES] Cannot resolve "coalesce(n, (action = x), time)" due to data type mismatch: Input to `coalesce` should all be the same type, but it's ("INT" or "BOOLEAN" or "TIMESTAMP").
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT, a ARRAY<INT>, m MAP<STRING, INT>)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT coalesce(n, action = 'x', time) FROM events;
