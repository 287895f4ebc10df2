-- DROP DUPLICATES (id) before GROUP BY ROLLUP(k1, k2) in update mode, on one thread and split
-- into tasks: every kept row updates its (k1, k2), (k1) and () groups (Spark's Expand), three
-- updates a task logs for the fold to make in input order, or to cut together when the id was
-- seen before (so a duplicate's k1 y or z never makes a group).  A DOUBLE sum of 1e16, 1.0,
-- -1e16 gives another double in another order; collect_list keeps the order.  Restarted from
-- the checkpoint with both states.
CREATE SOURCE ev (id BIGINT, k1 STRING, k2 STRING, v INT, d DOUBLE)
  WITH (connector = 'files', path = 'data/events', format = 'json', maxFilesPerTrigger = 1);
CREATE SINK out WITH (connector = 'console', truncate = false);
INSERT INTO out
SELECT k1, k2, grouping_id() AS gid, count(*) AS n, sum(d) AS sd, collect_list(v) AS vs
FROM ev
DROP DUPLICATES (id)
GROUP BY ROLLUP(k1, k2)
WITH (name = 'rollup_dedup', outputMode = 'update', checkpointLocation = 'chk');
