-- expect: 5:24: function 'make_ym_interval' takes 0 to 2 arguments, but 3 were given
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT make_ym_interval(1, 2, 3) AS x FROM events;
