-- expect: 5:48: function 'months_between' expects a boolean as argument 3, but 'n' is of type int
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT, d DATE, x DOUBLE)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT months_between(time, d, n) FROM events;
