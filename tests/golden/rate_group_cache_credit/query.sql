-- The group cache (cg_group.c group_cached) with 3000 groups a window, more than its slots:
-- in the first 3000 rows every row misses.  The rows come in buffers of 256
-- (SRT_RUN_CHUNK_ROWS); the cache kept in the query keeps its credit of 512 misses across the
-- calls, so it is passed by from the third buffer on, until the next batch empties it
-- (group_cache_credit_files does the same in one buffer of 5000 lines).  HAVING keeps 12 of
-- the groups (k = 7, 257, ..., 2757), in both batches.
CREATE SOURCE ticks
WITH (connector = 'rate-micro-batch', rowsPerBatch = 5000, startTimestamp = 1700000000000,
      advanceMillisPerBatch = 5000);

CREATE SINK out WITH (connector = 'console', numRows = 100, truncate = false);

INSERT INTO out
SELECT window(timestamp, '10 seconds') AS window, value % 3000 AS k, count(*) AS n,
       sum(value) AS total, min(value) AS low
FROM ticks
GROUP BY window(timestamp, '10 seconds'), value % 3000
HAVING value % 3000 % 250 = 7
WITH (name = 'rate_group_cache_credit', outputMode = 'update');
