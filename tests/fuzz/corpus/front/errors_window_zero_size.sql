-- expect: 5:67: The window duration (0 seconds) must be greater than 0.
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT count(*) FROM events GROUP BY window(time, '0 seconds') WITH (outputMode = 'complete');
