-- expect: 5:39: headers attribute unsupported type array<string>. headers must be a(n) array<struct<key:string,value:binary>>
CREATE SOURCE events (time TIMESTAMP, action STRING, n INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK k WITH (connector = 'kafka', 'kafka.bootstrap.servers' = 'localhost:9092', topic = 't');
INSERT INTO k SELECT action AS value, split(action, ",") AS headers FROM events WITH (checkpointLocation = 'ckpt');
