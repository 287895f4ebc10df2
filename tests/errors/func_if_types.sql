-- expect: 5:40: if branches must have a common type: '1' of type int does not match the type timestamp of the others
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT, d DOUBLE, m DECIMAL(5,2))
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT if(n > 0, time, 1) FROM events;
