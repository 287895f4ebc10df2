-- percentile_approx and approx_percentile (Spark 3.5's ApproximatePercentile over
-- QuantileSummaries) over three deterministic batches of 55,000 rows, to the last bit: see
-- test.conf.  The global query's digests take 55,000 values a batch: the head buffer (50,000)
-- is folded in and compressed within a batch, and the state merges a compressed partial
-- digest each batch; accuracy 100 and 1000 compress every few hundred / thousand values.
CREATE SOURCE ticks
WITH (connector = 'rate-micro-batch', rowsPerBatch = 55000, startTimestamp = 1700000000000,
      advanceMillisPerBatch = 2500);
CREATE SINK out WITH (connector = 'console', truncate = false);
INSERT INTO out
SELECT count(*) AS n,
       percentile_approx(value * 7919 % 100003, array(0.5, 0, 0.99, 0.25, 1, 0.01, 0.75, 0.5)) AS big,
       percentile_approx(value * 7919 % 100003 / 7, 0.5, 100) AS d100,
       approx_percentile(CAST(value * 104729 % 65537 AS INT), array(0.1, 0.5, 0.9), 1000) AS i1000,
       percentile_approx(timestamp_seconds(value * 31 % 86400), 0.5) AS ts
FROM ticks
WITH (outputMode = 'complete');
-- Small groups (exact order statistics, rank ceil(p * n)), NULLs skipped, a group of NULLs only.
INSERT INTO out
SELECT value % 4 AS g, count(*) AS n,
       percentile_approx(CASE WHEN value % 3 = 0 THEN NULL ELSE value END, 0.5) AS med,
       percentile_approx(CAST(value % 1000 AS INT), 0) AS p0,
       approx_percentile(CAST(value % 1000 AS INT), 1) AS p1,
       percentile_approx(value / 8, array(0.25, 0.5, 0.75)) AS q,
       percentile_approx(CASE WHEN value % 4 = 3 THEN NULL ELSE timestamp_seconds(value) END, 0.5)
         AS ts
FROM ticks WHERE value % 5000 < 12
GROUP BY value % 4 ORDER BY g
WITH (outputMode = 'complete');
