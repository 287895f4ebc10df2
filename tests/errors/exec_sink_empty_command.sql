-- expect: 4:51: option 'command' must not be empty
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK x WITH (connector = 'exec', command = '');
INSERT INTO x SELECT action FROM events;
