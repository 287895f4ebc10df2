-- A rate source with numPartitions reads each batch as that many partitions, in turn:
-- partition p holds the values start + p, start + p + numPartitions, ... (Spark's
-- RatePerMicroBatchStreamPartitionReader), so a stateless query prints them partition by
-- partition, and spark_partition_id() and monotonically_increasing_id() follow the partitions,
-- starting afresh each batch.
CREATE SOURCE r WITH (connector = 'rate-micro-batch', rowsPerBatch = 7, numPartitions = 3);
CREATE SINK c WITH (connector = 'console', truncate = false);
INSERT INTO c
SELECT timestamp, value, spark_partition_id() AS part, monotonically_increasing_id() AS id
FROM r;
