-- expect: 5:28: function 'sum' expects a numeric argument, but 'action' is of type string
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT sum(action) FROM events WITH (outputMode = 'complete');
