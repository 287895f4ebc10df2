-- expect: 4:13: Missing required configuration "bootstrap.servers" which has no default value.
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK k WITH (connector = 'kafka', topic = 't');
INSERT INTO k SELECT action AS value FROM events WITH (checkpointLocation = 'ckpt');
