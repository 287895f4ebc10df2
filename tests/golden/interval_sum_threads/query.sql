-- An interval sum without try_ split into tasks fails the query at the record one thread fails
-- at (Spark 3.5's Sum adds with IntervalMathUtils.addExact: ARITHMETIC_OVERFLOW with the
-- try_add hint): a task logs the values, the fold adds them in input order on the query's
-- thread, naming the file the row came from.  By hand: a's sum is Long.MaxValue - 10 µs
-- after line 1, - 5 after line 3, and line 4's 6 µs overflows it; line 6 then fails
-- assert_true.  One thread stops at line 4's error; split into tasks of a line the task of
-- line 4 is folded before the failed task of line 6, and in tasks of about three lines the
-- task of lines 4 to 6 fails at line 6 after logging line 4's value, which the fold of a
-- failed task still adds (its entries before the failing record): the overflow comes first.
CREATE TABLE t (k STRING, d INTERVAL DAY TO SECOND, x INT)
  WITH (connector = 'files', path = 'data/t', format = 'json');
SELECT k, sum(d) AS s, avg(d) AS a, count(assert_true(x < 9)) AS c FROM t GROUP BY k ORDER BY k
WITH (truncate = false);
