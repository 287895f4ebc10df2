-- expect: 5:24: [DATATYPE_MISMATCH.DATA_DIFF_TYPES] Cannot resolve "CASE WHEN (n = 1) THEN one WHEN (n = 2) THEN time ELSE a END" due to data type mismatch: Input to `casewhen` should all be the same type, but it's ["STRING", "TIMESTAMP", "ARRAY<INT>"].
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT, a ARRAY<INT>, m MAP<STRING, INT>)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT CASE n WHEN 1 THEN 'one' WHEN 2 THEN time ELSE a END FROM events;
