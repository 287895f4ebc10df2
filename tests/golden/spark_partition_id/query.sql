-- spark_partition_id() alone: the batch's files read longest first, each a partition of its
-- own (f2.json 0, f6.json 1, f1.json 2).  Nothing else depends on the rows before, so the
-- query still splits across threads (golden_split: each task's lines carry their file).
CREATE SOURCE s (k STRING, v INT) WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console', truncate = false);
INSERT INTO o
SELECT k, spark_partition_id(), v + spark_partition_id() AS w,
       spark_partition_id() = 1 AND v > 52 AS late_in_1
FROM s WHERE spark_partition_id() < 2 OR v = 2;
