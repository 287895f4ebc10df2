-- expect: 5:13: 'events' is already defined as a source
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
CREATE SINK events WITH (connector = 'console');
