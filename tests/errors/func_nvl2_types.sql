-- expect: 5:24: [DATATYPE_MISMATCH.DATA_DIFF_TYPES] Cannot resolve "(IF((n IS NOT NULL), time, true))" due to data type mismatch: Input to `if` should all be the same type, but it's ["TIMESTAMP", "BOOLEAN"].
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT, d DOUBLE, m DECIMAL(5,2))
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT nvl2(n, time, true) FROM events;
