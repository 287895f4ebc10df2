-- A stateless query over a rate source split across threads (srt_par.c take_run): each task
-- makes the rows of a range of row indices itself; its rows are appended in input order.
-- Batches of 40 rows in two partitions (values b*40 + p, b*40 + p + 2, ...), 250 ms apart.
CREATE SOURCE ticks
WITH (connector = 'rate-micro-batch', rowsPerBatch = 40, numPartitions = 2,
      startTimestamp = 1700000000000, advanceMillisPerBatch = 250);

CREATE SINK out WITH (connector = 'console', numRows = 100, truncate = false);

INSERT INTO out
SELECT timestamp, value, value * 3 - 1 AS v3, spark_partition_id() AS part,
       value % 5 = 0 AS fifth
FROM ticks
WHERE value % 3 <> 1
WITH (name = 'rate_split_stateless');
