-- expect: 5:34: CASE WHEN expects a boolean expression, but 'n' is of type int
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT CASE WHEN n THEN 'yes' END FROM events;
