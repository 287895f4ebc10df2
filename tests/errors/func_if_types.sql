-- expect: 5:24: [DATATYPE_MISMATCH.DATA_DIFF_TYPES] Cannot resolve "(IF((n > 0), time, 1))" due to data type mismatch: Input to `if` should all be the same type, but it's ["TIMESTAMP", "INT"].
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT, d DOUBLE, m DECIMAL(5,2))
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT if(n > 0, time, 1) FROM events;
