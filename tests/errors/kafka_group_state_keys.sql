-- expect: 8:8: consumerGroup: the state of this query is keyed by (CAST(value AS STRING), window(timestamp, '1 minute')), which records of several partitions share; add the kafka column key (rows of one key are in one partition, by Kafka's default partitioner) or partition to its GROUP BY
CREATE SOURCE k (WATERMARK FOR timestamp AS timestamp - INTERVAL '1 minute')
                   WITH (connector = 'kafka', 'kafka.bootstrap.servers' = 'localhost:9092',
                         consumerGroup = 'g', subscribe = 't');
CREATE SINK out WITH (connector = 'files', path = 'out');
INSERT INTO out
SELECT CAST(value AS STRING) AS action, window(timestamp, '1 minute') AS w, count(*) AS n
FROM k GROUP BY CAST(value AS STRING), window(timestamp, '1 minute')
WITH (checkpointLocation = 'ck');
