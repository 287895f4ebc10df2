-- expect: 5:24: this window() does not match the window of the GROUP BY clause
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT window(time, '2 hours'), count(*) FROM events GROUP BY window(time, '1 hour') WITH (outputMode = 'complete');
