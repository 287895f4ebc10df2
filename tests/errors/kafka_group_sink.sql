-- expect: 2:90: consumerGroup: the memory sink is not supported: each partition's lane would keep a table of the same name
CREATE SOURCE k WITH (connector = 'kafka', 'kafka.bootstrap.servers' = 'localhost:9092', consumerGroup = 'g',
                      subscribe = 't');
CREATE SINK out WITH (connector = 'memory');
INSERT INTO out SELECT CAST(value AS STRING) AS v FROM k WITH (name = 'vals', checkpointLocation = 'ck');
