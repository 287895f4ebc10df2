-- expect: 5:67: The duration and time inputs to window must be an integer, long or string literal.
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT count(*) FROM events GROUP BY window(time, n) WITH (outputMode = 'complete');
