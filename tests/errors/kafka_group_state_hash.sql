-- expect: 8:8: consumerGroup: the state of this query is keyed by (topic, partition % 2, substring(CAST(key AS STRING), 1, 1)), which records of several partitions share; add the kafka column key (rows of one key are in one partition, by Kafka's default partitioner) or partition to its GROUP BY
CREATE SOURCE k WITH (connector = 'kafka', 'kafka.bootstrap.servers' = 'localhost:9092',
                      consumerGroup = 'g', subscribePattern = 't.*');
CREATE SINK out WITH (connector = 'console');
-- partition % 2 and the key's first byte put several partitions into one group
INSERT INTO out SELECT topic, partition % 2 AS half, substring(CAST(key AS STRING), 1, 1) AS k1,
                       count(*) AS n
FROM k GROUP BY topic, partition % 2, substring(CAST(key AS STRING), 1, 1)
WITH (outputMode = 'update', checkpointLocation = 'ck');
