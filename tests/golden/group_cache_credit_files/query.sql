-- The group cache passed by (cg_group.c group_cached), over a buffer of text: 5000 rows in
-- one file, read as one buffer, of 3000 groups, so every one of the first 3000 rows misses,
-- the cache's credit runs out after 512 of them and the rest of the buffer looks groups up
-- directly (through the spare slot).  HAVING keeps 12 of the groups (k = 7, 257, ..., 2757),
-- met before and after the credit ran out, those below 2000 twice.  (A rate source's rows
-- come in buffers of 256 rows, SRT_RUN_CHUNK_ROWS, each with its credit.)
CREATE SOURCE nums (v BIGINT)
  WITH (connector = 'files', path = 'data/nums', format = 'csv');

CREATE SINK out WITH (connector = 'console', numRows = 100, truncate = false);

INSERT INTO out
SELECT v % 3000 AS k, count(*) AS n, sum(v) AS total, min(v) AS low
FROM nums
GROUP BY v % 3000
HAVING v % 3000 % 250 = 7
WITH (name = 'group_cache_credit_files', outputMode = 'complete');
