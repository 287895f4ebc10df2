-- session_window() in the select list of a query without aggregation: Spark's SessionWindowing
-- (ResolveTimeWindows.scala, 3.5) rewrites any single-child plan to
-- Filter(IsNotNull(t), Project(named_struct(start, t, end, t + gap) +: child.output)), so every
-- row gets its own session [t, t + gap), unmerged, and the row with a NULL time none.
-- By hand, gap 5 minutes: a 10:00:00 -> [10:00:00, 10:05:00), b 10:07:30 -> [10:07:30, 10:12:30),
-- c (NULL t) no row, d 23:58:00 -> [23:58:00, 00:03:00 the next day); window_time is end - 1 µs
-- (ResolveWindowTime): 10:04:59.999999, 10:12:29.999999, 00:02:59.999999.
CREATE TABLE tb (k STRING, t TIMESTAMP) WITH (connector = 'files', path = 'data/events', format = 'json');

SELECT k, session_window(t, '5 minutes') AS s, session_window(t, '5 minutes').end AS e FROM tb ORDER BY k WITH (truncate = false);
SELECT k, window_time(s) AS wt FROM (SELECT k, session_window(t, '5 minutes') AS s FROM tb) ORDER BY k WITH (truncate = false);
