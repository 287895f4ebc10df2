-- expect: 6:20: Data source json does not support Update output mode
CREATE SOURCE k WITH (connector = 'kafka', 'kafka.bootstrap.servers' = 'localhost:9092',
                      consumerGroup = 'g', subscribe = 't');
CREATE SINK out WITH (connector = 'files', path = 'out');
INSERT INTO out SELECT partition, count(*) AS n FROM k GROUP BY partition
WITH (outputMode = 'update', checkpointLocation = 'ck');
