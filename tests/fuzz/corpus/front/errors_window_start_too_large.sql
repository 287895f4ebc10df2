-- expect: 5:91: The absolute value of start time (15 minutes) must be less than the slideDuration (10 minutes).
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT count(*) FROM events GROUP BY window(time, '1 hour', '10 minutes', '15 minutes') WITH (outputMode = 'complete');
