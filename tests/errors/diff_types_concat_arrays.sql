-- expect: 5:24: [DATATYPE_MISMATCH.DATA_DIFF_TYPES] Cannot resolve "concat(a, array(time))" due to data type mismatch: Input to `concat` should all be the same type, but it's ("ARRAY<INT>" or "ARRAY<TIMESTAMP>").
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT, a ARRAY<INT>, m MAP<STRING, INT>)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT concat(a, array(time)) FROM events;
