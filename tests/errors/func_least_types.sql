-- expect: 5:24: [DATATYPE_MISMATCH.DATA_DIFF_TYPES] Cannot resolve "least(n, time)" due to data type mismatch: Input to `least` should all be the same type, but it's ["INT", "TIMESTAMP"].
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT least(n, time) FROM events;
