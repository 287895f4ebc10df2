-- session_window in every grouping set: Spark 3.5 merges the sessions per set (the other keys
-- and spark_grouping_id are the session aggregation's keys); a NULL time has no session.
CREATE TABLE t (user STRING, time TIMESTAMP)
  WITH (connector = 'files', path = 'data/events', format = 'json');

SELECT user, session_window.start AS s, session_window.end AS e, grouping_id() AS gid,
       grouping(user) AS gu, count(*) AS n, sum(grouping(user)) AS rolled
FROM t GROUP BY session_window(time, '5 minutes'), ROLLUP(user) ORDER BY gid, user, s;
