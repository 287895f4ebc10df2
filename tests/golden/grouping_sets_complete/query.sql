-- GROUP BY k1, CUBE(k2, k3) in complete mode, restarted from its checkpoint: the sets are
-- (k1, k2, k3), (k1, k2), (k1, k3), (k1) (Spark's cartesian product of the items' sets);
-- grouping_id(k1, k2, k3) names the grouping columns in order, as Spark requires.
CREATE SOURCE ev (k1 STRING, k2 STRING, k3 INT, v DOUBLE)
  WITH (connector = 'files', path = 'data/events', format = 'json', maxFilesPerTrigger = 1);
CREATE SINK out WITH (connector = 'console', truncate = false);
INSERT INTO out
SELECT k1, k2, k3, grouping_id(k1, k2, k3) AS gid, grouping(k3), count(*) AS n, count(v) AS nv,
       min(v) AS lo, max(k3) AS top
FROM ev
GROUP BY k1, CUBE(k2, k3)
WITH (name = 'cube_complete', outputMode = 'complete', checkpointLocation = 'chk');
