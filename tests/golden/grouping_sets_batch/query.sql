-- GROUP BY ROLLUP / CUBE / GROUPING SETS in batch queries: the Hive forms, nested and repeated
-- sets, composite sets, expressions as keys, HAVING and ORDER BY on grouping().
CREATE TABLE t (k1 STRING, k2 STRING, k3 INT, v INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');

-- WITH ROLLUP: ROLLUP(k1, k2)
SELECT k1, k2, count(*) AS n, sum(v) AS s FROM t GROUP BY k1, k2 WITH ROLLUP;
-- WITH CUBE, grouping_id(): the sets (k1, k2), (k1), (k2), ()
SELECT k1, k2, grouping_id() AS gid, count(*) AS n FROM t GROUP BY k1, k2 WITH CUBE;
-- The Hive GROUPING SETS: the keys are the sets' (k2) first, then k1, which no set holds
SELECT k1, k2, grouping_id() AS gid, grouping(k1) AS g1, sum(v) AS s
FROM t GROUP BY k1, k2 GROUPING SETS ((k2), ());
-- A nested ROLLUP and a repeated set: (k1) three times, each its own groups
SELECT k1, k2, grouping_id() AS gid, count(*) AS n
FROM t GROUP BY GROUPING SETS ((k1), ROLLUP(k1, k2), (k1)) ORDER BY gid, k1, k2;
-- A composite set, HAVING on grouping(), the aggregate reading the rolled-up k3 as it is
SELECT k1, k3, k2, grouping(k2) AS g2, sum(k3) AS s3, count(*) AS n
FROM t GROUP BY ROLLUP((k1, k3), k2) HAVING grouping(k2) = 1 OR n > 1;
-- Expressions as keys, the select list's expressions over them, a mixed GROUP BY
SELECT upper(k1) AS u, k3 % 2 AS odd, k3 % 2 + 10 AS odd10, grouping_id(upper(k1), k3 % 2) AS gid,
       count(*) AS n
FROM t GROUP BY CUBE(upper(k1), k3 % 2) ORDER BY gid DESC, u, odd;
