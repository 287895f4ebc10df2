-- sum, avg, try_sum and try_avg of intervals in session windows (gap 10 minutes): a session's
-- rows merge as Spark's MergingSessionsExec merges their buffers.  By hand: a's session
-- 00:00-00:15 sums Long.MaxValue µs and 1 µs: try_sum and try_avg NULL (an overflow in any
-- order); its months 12 - 7 = 5 (0-5), avg 5/2 -> 3 months (HALF_UP); b's first session
-- 00:00-00:13: 3 s, avg 1.5 s, months -1 + 0, avg -0.5 -> -0-1; its second -3 s, 0-5.
CREATE SOURCE t (k STRING, ts TIMESTAMP, d INTERVAL DAY TO SECOND, m INTERVAL YEAR TO MONTH)
  WITH (connector = 'files', path = 'data/t', format = 'json');
CREATE SINK out WITH (connector = 'console', truncate = false);
INSERT INTO out
SELECT k, session_window(ts, '10 minutes') AS w, try_sum(d) AS ts, try_avg(d) AS ta, sum(m) AS sm,
       avg(m) AS am
FROM t GROUP BY k, session_window(ts, '10 minutes')
WITH (name = 'o', outputMode = 'complete');
