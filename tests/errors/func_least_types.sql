-- expect: 5:33: least arguments must have a common type: 'time' of type timestamp does not match the type int of the others
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT least(n, time) FROM events;
