-- expect: 2:90: consumerGroup: the query must set checkpointLocation, which every process of the group shares
CREATE SOURCE k WITH (connector = 'kafka', 'kafka.bootstrap.servers' = 'localhost:9092', consumerGroup = 'g',
                      subscribe = 't');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT CAST(value AS STRING) AS v FROM k;
