-- expect: 5:24: [DATATYPE_MISMATCH.DATA_DIFF_TYPES] Cannot resolve "CASE WHEN (n > 1) THEN time ELSE false END" due to data type mismatch: Input to `casewhen` should all be the same type, but it's ["TIMESTAMP", "BOOLEAN"].
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT CASE WHEN n > 1 THEN time ELSE false END FROM events;
