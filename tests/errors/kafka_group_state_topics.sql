-- expect: 5:56: consumerGroup: the state of this query is keyed by (partition), which records of several topics share (partition p of each topic is its own lane); add the kafka column topic to its GROUP BY
CREATE SOURCE k WITH (connector = 'kafka', 'kafka.bootstrap.servers' = 'localhost:9092',
                      consumerGroup = 'g', subscribe = 'a,b');
CREATE SINK out WITH (connector = 'console');
INSERT INTO out SELECT partition, count(*) AS n FROM k GROUP BY partition
WITH (outputMode = 'update', checkpointLocation = 'ck');
