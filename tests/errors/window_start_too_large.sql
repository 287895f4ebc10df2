-- expect: 5:91: [DATATYPE_MISMATCH.PARAMETER_CONSTRAINT_VIOLATION] Cannot resolve "window(time, 3600000000, 600000000, 900000000)" due to data type mismatch: The `abs(start_time)`(900000000L) must be < the `slide_duration`(600000000L).
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT count(*) FROM events GROUP BY window(time, '1 hour', '10 minutes', '15 minutes') WITH (outputMode = 'complete');
