-- expect: 5:1: topic option required when no 'topic' attribute is present. Use the topic option for setting a topic.
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK k WITH (connector = 'kafka', 'kafka.bootstrap.servers' = 'localhost:9092');
INSERT INTO k SELECT action AS value FROM events WITH (checkpointLocation = 'ckpt');
