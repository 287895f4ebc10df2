-- expect: 2:15: Option 'kafka.bootstrap.servers' must be specified for configuring Kafka consumer
CREATE SOURCE k WITH (connector = 'kafka', subscribe = 'a');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT CAST(value AS STRING) AS v FROM k;
