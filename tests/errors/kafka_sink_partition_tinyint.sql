-- expect: 5:39: partition attribute unsupported type tinyint. partition must be a(n) int
CREATE SOURCE events (time TIMESTAMP, action STRING, n SMALLINT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK k WITH (connector = 'kafka', 'kafka.bootstrap.servers' = 'localhost:9092', topic = 't');
INSERT INTO k SELECT action AS value, CAST(n AS BYTE) AS partition FROM events WITH (checkpointLocation = 'ckpt');
