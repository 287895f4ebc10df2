-- expect: 5:32: window() is only supported as a GROUP BY key
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT action, window(time, '1 hour') FROM events;
