-- expect: 5:81: [DATATYPE_MISMATCH.PARAMETER_CONSTRAINT_VIOLATION] Cannot resolve "window(time, 600000000, 3600000000, 0)" due to data type mismatch: The `slide_duration`(3600000000L) must be <= the `window_duration`(600000000L).
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT count(*) FROM events GROUP BY window(time, '10 minutes', '1 hour') WITH (outputMode = 'complete');
