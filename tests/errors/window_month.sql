-- expect: 5:67: [FAILED_FUNCTION_CALL] Failed preparing of the function `window` for call. Please, double check function's arguments.
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT count(*) FROM events GROUP BY window(time, '1 month') WITH (outputMode = 'complete');
