-- expect: 5:24: [DATATYPE_MISMATCH.DATA_DIFF_TYPES] Cannot resolve "coalesce(a, n)" due to data type mismatch: Input to `coalesce` should all be the same type, but it's ("ARRAY<INT>" or "INT").
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT, a ARRAY<INT>, m MAP<STRING, INT>)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT nvl(a, n) FROM events;
