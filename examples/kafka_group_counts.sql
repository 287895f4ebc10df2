-- Counts each user's page views per minute, shared by as many copies of the executable as you
-- start (the kafka source's consumerGroup, sluice's own).  Produce each view with the user id
-- as the record's key: Kafka's default partitioner puts all of a user's views in one partition,
-- so each user's counts live in the state of that partition's lane alone, checkpointed under
-- chk/user_counts/partitions/<topic>-<partition>/ and moved with it when a copy stops or dies.
-- Each lane's watermark is its own partition's latest view time minus 1 minute: a minute is
-- written to out/user_counts/<topic>-<partition>/ once its partition has seen a view a minute
-- past its end.  Try it with a broker on localhost:9092:
--   printf 'alice:/home\nbob:/cart\n' | kcat -P -b localhost:9092 -t user_views -K: \
--     -X partitioner=murmur2_random
CREATE SOURCE views (WATERMARK FOR timestamp AS timestamp - INTERVAL '1 minute')
WITH (connector = 'kafka', 'kafka.bootstrap.servers' = 'localhost:9092',
      subscribe = 'user_views', startingOffsets = 'earliest',
      consumerGroup = 'user_counts', 'kafka.session.timeout.ms' = '10000');

CREATE SINK counts_files WITH (connector = 'files', path = 'out/user_counts', format = 'json');

INSERT INTO counts_files
SELECT user_id, window(timestamp, '1 minute') AS minute, count(*) AS views
FROM (SELECT CAST(key AS STRING) AS user_id, timestamp FROM views)
GROUP BY user_id, window(timestamp, '1 minute')
WITH (name = 'user_counts', checkpointLocation = 'chk/user_counts');
