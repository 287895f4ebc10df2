-- expect: 5:24: contains illegal character for hexBinary: 0G
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT X'0G' AS b FROM events;
