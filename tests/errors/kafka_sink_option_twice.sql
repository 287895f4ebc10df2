-- expect: 4:126: option 'KAFKA.LINGER.MS' is given twice
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK k WITH (connector = 'kafka', 'kafka.bootstrap.servers' = 'localhost:9092', topic = 't', 'kafka.linger.ms' = '5', 'KAFKA.LINGER.MS' = '6');
INSERT INTO k SELECT action AS value FROM events WITH (checkpointLocation = 'ckpt');
