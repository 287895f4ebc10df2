-- expect: 5:36: function 'round' expects a constant integer (the scale) as argument 2, but 'n' is of type int
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT round(2.5D, n) FROM events;
