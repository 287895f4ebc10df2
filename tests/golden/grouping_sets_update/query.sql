-- GROUP BY ROLLUP(k1, k2) in update mode, restarted from its checkpoint: every row counts in
-- its (k1, k2), (k1) and () groups (Spark's Expand), keyed by spark_grouping_id as well, so a
-- NULL k2 of the data and the NULL of a rolled-up k2 are two groups.
CREATE SOURCE ev (k1 STRING, k2 STRING, v INT)
  WITH (connector = 'files', path = 'data/events', format = 'json', maxFilesPerTrigger = 1);
CREATE SINK out WITH (connector = 'console', truncate = false);
INSERT INTO out
SELECT k1, k2, grouping(k1) AS g1, grouping(k2) AS g2, grouping_id() AS gid, count(*) AS n,
       sum(v) AS total
FROM ev
GROUP BY ROLLUP(k1, k2)
WITH (name = 'rollup_update', outputMode = 'update', checkpointLocation = 'chk');
