-- expect: 5:67: [DATATYPE_MISMATCH.VALUE_OUT_OF_RANGE] Cannot resolve "window(time, 0, 0, 0)" due to data type mismatch: The `window_duration` must be between (0, 9223372036854775807] (current value = 0L).
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT count(*) FROM events GROUP BY window(time, '0 seconds') WITH (outputMode = 'complete');
