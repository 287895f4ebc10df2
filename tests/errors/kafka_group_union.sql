-- expect: 2:90: consumerGroup: a query reading other sources too (a join or a union) is not supported yet: every partition's lane would read them again
CREATE SOURCE k WITH (connector = 'kafka', 'kafka.bootstrap.servers' = 'localhost:9092', consumerGroup = 'g',
                      subscribe = 't');
CREATE SOURCE r WITH (connector = 'rate');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT CAST(value AS STRING) AS v FROM k UNION ALL SELECT CAST(value AS STRING) AS v FROM r
WITH (checkpointLocation = 'ck');
