-- Hive's grouping__id (Spark 3.5's literal function for VirtualColumn.hiveGroupingIdName):
-- grouping_id() where no column has the name, named grouping__id alone and grouping_id() inside
-- an expression; a column of that name wins.
CREATE TABLE t (k1 STRING, k2 STRING, k3 INT, v INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');

SELECT k1, k2, grouping__id, GROUPING__ID + 1, grouping_id() AS gid, sum(grouping__id),
       count(*) AS n
FROM t GROUP BY k1, k2 GROUPING SETS ((k1), ()) ORDER BY grouping__id, k1;
SELECT grouping__id, count(*) AS n FROM (SELECT k1 AS grouping__id, v FROM t) s
GROUP BY grouping__id ORDER BY grouping__id;
