-- expect: 5:24: Function SQRT does not support IGNORE NULLS.
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT sqrt(n) IGNORE NULLS FROM events;
