-- expect: 5:24: Function upper does not support IGNORE NULLS.
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT upper(action) IGNORE NULLS FROM events;
