-- expect: 2:91: Kafka option 'enable.auto.commit' is not supported
CREATE SOURCE k WITH (connector = 'kafka', subscribe = 't', startingOffsets = 'earliest', 'kafka.enable.auto.commit' = 'true',
                      'kafka.bootstrap.servers' = 'localhost:9092');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT CAST(value AS STRING) AS v FROM k;
