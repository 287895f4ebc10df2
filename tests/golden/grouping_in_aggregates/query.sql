-- grouping() and grouping_id() inside aggregates' arguments and FILTERs (Spark's
-- ResolveGroupingAnalytics.replaceGroupingFunc rewrites them over the row's spark_grouping_id),
-- in the select list, HAVING and ORDER BY.
CREATE TABLE t (k1 STRING, k2 STRING, k3 INT, v INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');

-- An unaliased sum(grouping(k2)), a CASE on grouping(), a FILTER on grouping_id()
SELECT k1, k2, sum(grouping(k2)), count(CASE WHEN grouping(k1) = 1 THEN v END) AS c1,
       sum(v) FILTER (WHERE grouping_id() = 1) AS s1, max(grouping_id() * 100 + v) AS m,
       count(*) AS n
FROM t GROUP BY ROLLUP(k1, k2);
-- CUBE, DISTINCT, HAVING and ORDER BY on aggregates of grouping()
SELECT k1, k2, count(DISTINCT grouping_id(k1, k2)) AS d, sum(grouping(k1) + grouping(k2)) AS g
FROM t GROUP BY CUBE(k1, k2) HAVING sum(grouping(k1)) > 0
ORDER BY sum(grouping_id()) DESC, k1, k2;
