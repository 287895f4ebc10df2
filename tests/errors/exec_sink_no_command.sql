-- expect: 4:13: option 'command' is required for connector 'exec'
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK x WITH (connector = 'exec');
INSERT INTO x SELECT action FROM events;
