-- expect: 5:24: cannot compare 'time' of type timestamp with 'true' of type boolean
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT nullif(time, true) FROM events;
