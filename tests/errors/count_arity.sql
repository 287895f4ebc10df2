-- expect: 5:24: count of several values is not supported yet
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT count(action, n) FROM events WITH (outputMode = 'complete');
