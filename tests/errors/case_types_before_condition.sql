-- expect: 5:24: [DATATYPE_MISMATCH.DATA_DIFF_TYPES] Cannot resolve "CASE WHEN action THEN 1 ELSE time END" due to data type mismatch: Input to `casewhen` should all be the same type, but it's ["INT", "TIMESTAMP"].
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT, a ARRAY<INT>, m MAP<STRING, INT>)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT CASE WHEN action THEN 1 ELSE time END FROM events;
