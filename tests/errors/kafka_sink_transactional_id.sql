-- expect: 4:101: Kafka option 'transactional.id' is not supported: with exactlyOnce = 'true' the sink derives it from the query id in the checkpoint
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK k WITH (connector = 'kafka', 'kafka.bootstrap.servers' = 'localhost:9092', topic = 't', 'kafka.transactional.id' = 'x');
INSERT INTO k SELECT action AS value FROM events WITH (checkpointLocation = 'ckpt');
