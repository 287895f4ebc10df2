-- expect: 5:24: cannot try_cast 'x' of type DOUBLE to INTERVAL DAY
CREATE SOURCE events (time TIMESTAMP, action STRING, x DOUBLE)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT try_cast(x AS INTERVAL DAY) AS y FROM events;
