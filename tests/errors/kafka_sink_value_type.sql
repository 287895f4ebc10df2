-- expect: 5:37: value attribute unsupported type int. value must be a(n) string or binary
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK k WITH (connector = 'kafka', 'kafka.bootstrap.servers' = 'localhost:9092', topic = 't');
INSERT INTO k SELECT action AS key, n AS value FROM events WITH (checkpointLocation = 'ckpt');
