-- expect: 5:24: function 'replace' takes 2 to 3 arguments, but 1 was given
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT, d DOUBLE, m DECIMAL(5,2))
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT replace(action) FROM events;
