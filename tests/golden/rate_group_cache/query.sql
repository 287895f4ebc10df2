-- The group cache of fixed-size keys (cg_group.c group_cached): 260 groups a window, more than
-- the cache's 256 slots, so slots are shared and groups evict each other; 5000-row batches
-- reach the query as 20 buffers (19 of 256 rows, then 136), each starting with an empty cache;
-- batches 0 and 1 share a window, batch 2 starts the next.  A NULL in the boolean key (every
-- fifth value) changes its NULL flag in the cache words.
CREATE SOURCE ticks
WITH (connector = 'rate-micro-batch', rowsPerBatch = 5000, startTimestamp = 1700000000000,
      advanceMillisPerBatch = 5000);

CREATE SINK out WITH (connector = 'console', numRows = 1000, truncate = false);

INSERT INTO out
SELECT window(timestamp, '10 seconds') AS window, value % 260 AS k,
       CASE WHEN value % 5 = 0 THEN NULL ELSE value % 2 = 0 END AS even,
       count(*) AS n, sum(value) AS total, max(value) AS top
FROM ticks
GROUP BY window(timestamp, '10 seconds'), value % 260,
         CASE WHEN value % 5 = 0 THEN NULL ELSE value % 2 = 0 END
WITH (name = 'rate_group_cache', outputMode = 'update');
