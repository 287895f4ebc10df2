-- expect: 2:107: ending offset not valid in streaming queries
CREATE SOURCE k WITH (connector = 'kafka', 'kafka.bootstrap.servers' = 'localhost:9092', subscribe = 't', endingOffsets = 'latest');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT CAST(value AS STRING) AS v FROM k;
