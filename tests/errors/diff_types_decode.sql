-- expect: 5:24: [DATATYPE_MISMATCH.DATA_DIFF_TYPES] Cannot resolve "CASE WHEN (n <=> 1) THEN time ELSE a END" due to data type mismatch: Input to `casewhen` should all be the same type, but it's ["TIMESTAMP", "ARRAY<INT>"].
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT, a ARRAY<INT>, m MAP<STRING, INT>)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT decode(n, 1, time, a) FROM events;
