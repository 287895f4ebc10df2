-- expect: 5:28: function 'hex' expects a number, a binary or a string as argument 1, but 'time' is of type timestamp
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT, d DOUBLE, m DECIMAL(5,2))
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT hex(time) FROM events;
