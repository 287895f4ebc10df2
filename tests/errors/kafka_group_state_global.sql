-- expect: 5:24: consumerGroup: this aggregation has no GROUP BY key, so its one group holds records of every partition; group by the kafka column key (rows of one key are in one partition, by Kafka's default partitioner) or partition
CREATE SOURCE k WITH (connector = 'kafka', 'kafka.bootstrap.servers' = 'localhost:9092',
                      consumerGroup = 'g', subscribe = 't');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT count(*) AS n FROM k WITH (outputMode = 'complete', checkpointLocation = 'ck');
