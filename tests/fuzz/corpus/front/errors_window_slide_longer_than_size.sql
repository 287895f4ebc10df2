-- expect: 5:81: The slide duration (1 hour) must be less than or equal to the windowDuration (10 minutes).
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT count(*) FROM events GROUP BY window(time, '10 minutes', '1 hour') WITH (outputMode = 'complete');
