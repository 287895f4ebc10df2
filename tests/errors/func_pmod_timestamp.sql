-- expect: 5:32: function 'pmod' expects a numeric value as argument 2, but 'time' is of type timestamp
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT pmod(n, time) FROM events;
