-- expect: 5:34: function 'factorial' expects an integer as argument 1, but 'd' is of type date
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT, d DATE, x DOUBLE)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT factorial(d) FROM events;
