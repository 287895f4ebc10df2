-- expect: 5:24: function 'log' takes 1 to 2 arguments, but 3 were given
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT, d DATE, x DOUBLE)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT log(x, x, x) FROM events;
