-- expect: 5:22: topic attribute unsupported type int. topic must be a(n) string
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK k WITH (connector = 'kafka', 'kafka.bootstrap.servers' = 'localhost:9092');
INSERT INTO k SELECT n AS topic, action AS value FROM events WITH (checkpointLocation = 'ckpt');
