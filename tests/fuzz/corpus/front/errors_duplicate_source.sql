-- expect: 5:15: source 'Events' is already defined
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
CREATE SOURCE Events (x INT) WITH (connector = 'files', path = 'p');
