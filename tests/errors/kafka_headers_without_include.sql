-- expect: 4:29: cannot resolve column 'headers' (available: key, value, topic, partition, offset, timestamp, timestampType)
CREATE SOURCE k WITH (connector = 'kafka', subscribe = 't', 'kafka.bootstrap.servers' = 'localhost:9092');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT key, headers FROM k;
