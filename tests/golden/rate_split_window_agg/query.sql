-- A rate source split across threads (srt_par.c take_run): each task makes the rows of a
-- range of row indices itself, on its thread.  Batches of 3000 rows in three partitions
-- (values p, p + 3, ... of each batch, partition by partition), 1.5 s apart, so batches 0 and
-- 1 share a 2-second window and 2 and 3 start new ones; per (window, value % 7): count, an
-- integer sum, min, max, first and last (the first and last row in partition order), and
-- avg and a DOUBLE sum whose values are replayed into the state in input order.
CREATE SOURCE ticks
WITH (connector = 'rate-micro-batch', rowsPerBatch = 3000, numPartitions = 3,
      startTimestamp = 1700000000000, advanceMillisPerBatch = 1500);

CREATE SINK out WITH (connector = 'console', numRows = 100, truncate = false);

INSERT INTO out
SELECT window(timestamp, '2 seconds') AS window, value % 7 AS k, count(*) AS n,
       sum(value) AS total, min(value) AS lo, max(value) AS hi, first(value) AS head,
       last(value) AS tail, avg(value) AS mean, sum(value / 3) AS thirds
FROM ticks
GROUP BY window(timestamp, '2 seconds'), value % 7
WITH (name = 'rate_split_window_agg', outputMode = 'update');
