-- expect: 11:1: consumerGroup: the state of this query is keyed by (window(w, '1 hour')), which records of several partitions share; add the kafka column key (rows of one key are in one partition, by Kafka's default partitioner) or partition to its GROUP BY
CREATE SOURCE k (WATERMARK FOR timestamp AS timestamp - INTERVAL '1 minute')
                   WITH (connector = 'kafka', 'kafka.bootstrap.servers' = 'localhost:9092',
                         consumerGroup = 'g', subscribe = 't');
CREATE SINK out WITH (connector = 'files', path = 'out');
-- the inner level is keyed by the record key, the outer one by its window only
INSERT INTO out
SELECT window(w, '1 hour') AS h, sum(n) AS n
FROM (SELECT CAST(key AS STRING) AS k, window(timestamp, '1 minute') AS w, count(*) AS n
      FROM k GROUP BY CAST(key AS STRING), window(timestamp, '1 minute'))
GROUP BY window(w, '1 hour')
WITH (checkpointLocation = 'ck');
