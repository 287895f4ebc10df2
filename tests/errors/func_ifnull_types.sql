-- expect: 5:37: ifnull arguments must have a common type: 'true' of type boolean does not match the type timestamp of the others
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT ifnull(time, true) FROM events;
