-- expect: 5:50: function 'make_dt_interval' expects a number of seconds as argument 4, but 'time' is of type timestamp
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT make_dt_interval(1, 2, 3, time) AS x FROM events;
