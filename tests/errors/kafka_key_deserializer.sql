-- expect: 3:23: Kafka option 'key.deserializer' is not supported as keys are deserialized as byte arrays with ByteArrayDeserializer. Use DataFrame operations to explicitly deserialize the keys.
CREATE SOURCE k WITH (connector = 'kafka', 'kafka.bootstrap.servers' = 'localhost:9092', subscribe = 't',
                      'kafka.key.deserializer' = 'x');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT CAST(value AS STRING) AS v FROM k;
