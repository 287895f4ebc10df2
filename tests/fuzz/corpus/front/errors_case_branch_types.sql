-- expect: 5:55: CASE branches must have a common type: 'false' of type boolean does not match the type timestamp of the others
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT CASE WHEN n > 1 THEN time ELSE false END FROM events;
