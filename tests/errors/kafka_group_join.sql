-- expect: 4:26: consumerGroup: a query reading other sources too (a join or a union) is not supported yet: every partition's lane would read them again
CREATE SOURCE k (WATERMARK FOR timestamp AS timestamp - INTERVAL '1 minute')
                   WITH (connector = 'kafka', 'kafka.bootstrap.servers' = 'localhost:9092',
                         consumerGroup = 'g', subscribe = 't');
CREATE SOURCE r (WATERMARK FOR timestamp AS timestamp - INTERVAL '1 minute') WITH (connector = 'rate');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT k.partition, r.value FROM k JOIN r ON k.partition = r.value
 AND k.timestamp BETWEEN r.timestamp AND r.timestamp + INTERVAL '1 minute'
WITH (checkpointLocation = 'ck');
