-- expect: 5:28: function 'cos' expects a numeric value as argument 1, but 'time' is of type timestamp
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT, d DATE, x DOUBLE)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT cos(time) FROM events;
