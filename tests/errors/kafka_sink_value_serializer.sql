-- expect: 4:101: Kafka option 'value.serializer' is not supported as value are serialized with ByteArraySerializer.
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK k WITH (connector = 'kafka', 'kafka.bootstrap.servers' = 'localhost:9092', topic = 't', 'Kafka.Value.Serializer' = 'x');
INSERT INTO k SELECT action AS value FROM events WITH (checkpointLocation = 'ckpt');
