-- expect: 5:42: function 'date_part' expects a date as argument 2, but 'n' is of type int
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT, d DATE, x DOUBLE)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT date_part('year', n) FROM events;
