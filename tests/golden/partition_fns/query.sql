-- spark_partition_id, monotonically_increasing_id, rand and randn in a stream of files, three
-- files a batch: Spark reads a batch's files as one scan, longest first, each a partition of
-- its own (FileSourceScanExec, FilePartition.getFilePartitions), so batch 0 reads f2.json
-- (partition 0), f1.json (1), f3.json (2) and batch 1 f6.json (0), f4.json (1), f5.json (2).
-- Each batch numbers its partitions and restarts the ids.  all_id counts every row of a
-- partition, odd_id the rows the outer WHERE keeps.  A streaming query gets a new random seed
-- per batch for rand and randn (IncrementalExecution: withNewSeed), so only their range shows.
CREATE SOURCE s (k STRING, v INT)
  WITH (connector = 'files', path = 'data/events', format = 'json', maxFilesPerTrigger = 3);
CREATE SINK o WITH (connector = 'console', truncate = false);
INSERT INTO o
SELECT k, v, spark_partition_id() AS p, all_id, monotonically_increasing_id() AS odd_id,
       substring_index(input_file_name(), '/', -1) AS file, r >= 0 AND r < 1 AS r_ok,
       typeof(g) AS g_type
FROM (SELECT k, v, monotonically_increasing_id() AS all_id, rand(42) AS r, randn() AS g FROM s)
WHERE v % 2 = 1;
