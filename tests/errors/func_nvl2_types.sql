-- expect: 5:38: nvl2 arguments must have a common type: 'true' of type boolean does not match the type timestamp of the others
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT, d DOUBLE, m DECIMAL(5,2))
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT nvl2(n, time, true) FROM events;
