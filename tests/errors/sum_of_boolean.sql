-- expect: 5:28: function 'sum' expects a numeric argument, but 'ok' is of type boolean
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT, ok BOOLEAN)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT sum(ok) FROM events WITH (outputMode = 'complete');
