-- expect: 5:30: function 'space' expects an integer as argument 1, but 'time' is of type timestamp
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT, d DOUBLE, m DECIMAL(5,2))
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT space(time) FROM events;
