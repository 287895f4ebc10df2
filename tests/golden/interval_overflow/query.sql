-- Interval overflow fails the query even without ANSI mode (Spark 3.5's IntervalMathUtils.addExact
-- raises ARITHMETIC_OVERFLOW with the try_add hint).  By hand: f1's 1 day + 106751990 days is
-- 106751991 days, within Long.MaxValue µs (106751991 04:00:54.775807); f2's 1 s + that maximum
-- is past it, so batch 1 fails.
CREATE SOURCE ev (k STRING, s TIMESTAMP, e TIMESTAMP)
  WITH (connector = 'files', path = 'data/events', format = 'json', maxFilesPerTrigger = 1);
CREATE SINK out WITH (connector = 'console', truncate = false);
INSERT INTO out
SELECT k, (e - s) + INTERVAL '106751990' DAY AS near_max,
       CASE WHEN k = 'b' THEN (e - s) + INTERVAL '106751991 04:00:54.775807' DAY TO SECOND END AS over
FROM ev WITH (name = 'o');
