-- TINYINT and SMALLINT in state restored from the checkpoint: s1 reads two batches, s2 and s3
-- restart and add one batch each.  Group keys (NULL among them), min/max/first/last buffers of
-- the types, sums (BIGINT), DROP DUPLICATES keys, and an update-mode aggregation.
CREATE SOURCE t (g TINYINT, h SMALLINT, v TINYINT, w SMALLINT)
WITH (connector = 'files', path = 'data/t', format = 'json', maxFilesPerTrigger = 1);
CREATE SINK out WITH (connector = 'console', truncate = false);
INSERT INTO out
SELECT g, h, min(v) AS min_v, max(v) AS max_v, first(v) AS first_v, last(w) AS last_w,
       min(w) AS min_w, max(w) AS max_w, sum(v) AS sum_v, sum(w) AS sum_w, count(*) AS n
FROM t GROUP BY g, h ORDER BY g, h
WITH (name = 'groups', outputMode = 'complete', checkpointLocation = 'chk/groups');
INSERT INTO out
SELECT g, w, v FROM t DROP DUPLICATES (g, w)
WITH (name = 'dedup', checkpointLocation = 'chk/dedup');
INSERT INTO out
SELECT h, max(v) AS max_v, min(w) AS min_w, first(w, true) AS first_w FROM t GROUP BY h
WITH (name = 'updates', outputMode = 'update', checkpointLocation = 'chk/updates');
