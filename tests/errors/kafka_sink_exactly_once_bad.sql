-- expect: 4:115: Invalid value 'yes' for option 'exactlyOnce', must be 'true' or 'false'
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK k WITH (connector = 'kafka', 'kafka.bootstrap.servers' = 'localhost:9092', topic = 't', exactlyOnce = 'yes');
INSERT INTO k SELECT action AS value FROM events WITH (checkpointLocation = 'ckpt');
