-- expect: 2:15: One of the following options must be specified for Kafka source: subscribe, subscribepattern, assign. See the docs for more details.
CREATE SOURCE k WITH (connector = 'kafka', 'kafka.bootstrap.servers' = 'localhost:9092');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT CAST(value AS STRING) AS v FROM k;
