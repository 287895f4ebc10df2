-- The group cache passed by (cg_group.c group_cached): 3000 groups, so in the first buffer of
-- 4096 rows every row misses, the cache's credit runs out after 512 rows and the rest of the
-- buffer looks groups up directly (through the spare slot).  HAVING keeps 12 of the groups
-- (k = 7, 257, ..., 2757), met before and after the credit ran out, in both batches.
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
