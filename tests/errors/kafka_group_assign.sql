-- expect: 2:90: consumerGroup needs subscribe or subscribePattern: the group assigns the partitions, not the 'assign' option
CREATE SOURCE k WITH (connector = 'kafka', 'kafka.bootstrap.servers' = 'localhost:9092', consumerGroup = 'g',
                      assign = '{"t":[0]}');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT CAST(value AS STRING) AS v FROM k WITH (checkpointLocation = 'ck');
