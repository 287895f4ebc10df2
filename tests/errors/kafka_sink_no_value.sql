-- expect: 5:1: Required attribute 'value' not found
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK k WITH (connector = 'kafka', 'kafka.bootstrap.servers' = 'localhost:9092', topic = 't');
INSERT INTO k SELECT action AS key FROM events WITH (checkpointLocation = 'ckpt');
