-- expect: 3:39: minPartitions must be positive
CREATE SOURCE k WITH (connector = 'kafka', subscribe = 't', 'kafka.bootstrap.servers' = 'localhost:9092',
                      minPartitions = '0');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT CAST(value AS STRING) AS v FROM k;
