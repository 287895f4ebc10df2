-- sum of an interval past Long.MaxValue µs fails the query even without ANSI mode: Spark 3.5's
-- Sum adds with Add, which for intervals is IntervalMathUtils.addExact (ARITHMETIC_OVERFLOW
-- with the try_add hint).  By hand (update mode): batch 0 a = Long.MaxValue - 10 µs, b = -1 s;
-- batch 1 sums a's rows +20 µs and -20 µs from 0 (Spark's partial aggregate) and adds that 0
-- to the state: a stays, no overflow; batch 2 adds b's -2 s (-3 s) and a's +11 µs, and the
-- state plus the batch's 11 µs is past Long.MaxValue: the batch fails.
CREATE SOURCE t (k STRING, d INTERVAL DAY TO SECOND)
  WITH (connector = 'files', path = 'data/t', format = 'json', maxFilesPerTrigger = 1);
CREATE SINK out WITH (connector = 'console', truncate = false);
INSERT INTO out
SELECT k, sum(d) AS s FROM t GROUP BY k
WITH (name = 'o', outputMode = 'update');
