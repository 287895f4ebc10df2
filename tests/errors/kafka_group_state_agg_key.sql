-- expect: 11:1: consumerGroup: the state of this query is keyed by (n, w), which records of several partitions share; add the kafka column key (rows of one key are in one partition, by Kafka's default partitioner) or partition to its GROUP BY
CREATE SOURCE k (WATERMARK FOR timestamp AS timestamp - INTERVAL '1 minute')
                   WITH (connector = 'kafka', 'kafka.bootstrap.servers' = 'localhost:9092',
                         consumerGroup = 'g', subscribe = 't');
CREATE SINK out WITH (connector = 'files', path = 'out');
-- n is an aggregate of the inner level, not one of its keys
INSERT INTO out
SELECT n, w, count(*) AS c
FROM (SELECT partition, window(timestamp, '1 minute') AS w, count(*) AS n
      FROM k GROUP BY partition, window(timestamp, '1 minute'))
GROUP BY n, w
WITH (checkpointLocation = 'ck');
