-- expect: 5:34: function 'bround' expects a constant integer (the scale) as argument 2, but 'n' is of type int
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT, d DATE, x DOUBLE)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT bround(x, n) FROM events;
