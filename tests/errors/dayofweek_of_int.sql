-- expect: 5:34: function 'dayofweek' expects a date as argument 1, but 'n' is of type int
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT, d DATE, x DOUBLE)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT dayofweek(n) FROM events;
