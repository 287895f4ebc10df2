-- expect: 5:78: Multiple time/session window expressions would result in a cartesian product of rows, therefore they are currently not supported.
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT count(*) FROM events GROUP BY window(time, '1 hour'), window(time, '1 day') WITH (outputMode = 'complete');
