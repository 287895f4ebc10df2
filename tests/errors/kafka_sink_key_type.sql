-- expect: 5:22: key attribute unsupported type timestamp. key must be a(n) string or binary
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK k WITH (connector = 'kafka', 'kafka.bootstrap.servers' = 'localhost:9092', topic = 't');
INSERT INTO k SELECT time AS key, action AS value FROM events WITH (checkpointLocation = 'ckpt');
