-- expect: 5:24: function 'make_date' takes 3 arguments, but 2 were given
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT, d DATE, x DOUBLE)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT make_date(n, n) FROM events;
