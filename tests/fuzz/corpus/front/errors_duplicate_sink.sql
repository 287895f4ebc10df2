-- expect: 5:13: sink 'OUT' is already defined
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console');
CREATE SINK OUT WITH (connector = 'console');
