-- A batch query over session windows: Spark 3.5 plans it with AggUtils.planAggregateWithoutDistinct
-- (a Partial aggregate per key and row's own session, MergingSessionsExec over them sorted by
-- key and session, the Final aggregate), which merges the partial buffers in the order the
-- streaming plan merges a first batch's: collect_set's HashSets, percentile_approx's digests and
-- histogram_numeric's bins come out as a streaming query's.
CREATE TABLE t (user STRING, time TIMESTAMP, v STRING, n INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');

SELECT user, session_window.start AS s, session_window.end AS e, collect_list(v) AS vs,
       collect_set(n) AS ns, collect_set(v) AS sv, percentile_approx(n, array(0.25, 0.5), 4) AS pn,
       histogram_numeric(n, 2) AS hn, count(*) AS c
FROM t
GROUP BY user, session_window(time, '5 minutes')
ORDER BY user, s
WITH (truncate = false);
