-- expect: 5:69: consumerGroup: the state of this query is keyed by (value), which records of several partitions share; add the kafka column key (rows of one key are in one partition, by Kafka's default partitioner) or partition to its DROP DUPLICATES columns
CREATE SOURCE k WITH (connector = 'kafka', 'kafka.bootstrap.servers' = 'localhost:9092',
                      consumerGroup = 'g', subscribe = 't');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT CAST(value AS STRING) AS v, partition FROM k DROP DUPLICATES (value)
WITH (checkpointLocation = 'ck');
