-- expect: 2:90: consumerGroup: a query with state is not supported yet: its state would have to be split by partition
CREATE SOURCE k WITH (connector = 'kafka', 'kafka.bootstrap.servers' = 'localhost:9092', consumerGroup = 'g',
                      subscribe = 't');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT partition, count(*) AS n FROM k GROUP BY partition
WITH (outputMode = 'update', checkpointLocation = 'ck');
