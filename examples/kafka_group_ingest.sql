-- Copies a Kafka topic's page views into JSON files, shared by as many copies of the executable
-- as you start (the kafka source's consumerGroup, sluice's own): each copy joins the Kafka
-- consumer group 'ingest' and runs one lane per partition it is given, checkpointed under
-- chk/ingest/partitions/<topic>-<partition>/ and written to out/views/<topic>-<partition>/.
-- Start a broker on localhost:9092, produce lines "2024-01-01 10:00:01,/home" to page_views,
-- build once and start the executable several times with the same working directory (or a
-- shared file system); stop or kill one and its partitions move to the others, each record
-- still committed once (read out/views/*/_spark_metadata).
CREATE SOURCE views WITH (connector = 'kafka', 'kafka.bootstrap.servers' = 'localhost:9092',
                          subscribe = 'page_views', startingOffsets = 'earliest',
                          consumerGroup = 'ingest', 'kafka.session.timeout.ms' = '10000');

CREATE SINK views_files WITH (connector = 'files', path = 'out/views', format = 'json');

INSERT INTO views_files
SELECT CAST(substring(line, 1, 19) AS TIMESTAMP) AS time, substring(line, 21) AS page, partition, offset
FROM (SELECT CAST(value AS STRING) AS line, partition, offset FROM views)
WITH (name = 'ingest', checkpointLocation = 'chk/ingest');
