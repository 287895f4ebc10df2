-- The other order of interval_sum_threads' errors: line 3 fails assert_true before line 4's
-- 6 µs would overflow a's sum (Long.MaxValue - 10 µs after line 1).  One thread stops at
-- line 3; split into tasks, the task of line 3 (alone, or with lines 1 and 2) fails there and
-- the fold of a failed task adds only the values it logged before its failing record (lines 1
-- and 2: no overflow), so its error is the query's, as on one thread.
CREATE TABLE t (k STRING, d INTERVAL DAY TO SECOND, x INT)
  WITH (connector = 'files', path = 'data/t', format = 'json');
SELECT k, sum(d) AS s, avg(d) AS a, count(assert_true(x < 9)) AS c FROM t GROUP BY k ORDER BY k
WITH (truncate = false);
