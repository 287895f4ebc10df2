-- skewness and kurtosis (Spark's CentralMomentAgg of order 3 and 4) over three deterministic
-- batches of 7 rows, to the last bit: see test.conf.
CREATE SOURCE ticks
WITH (connector = 'rate-micro-batch', rowsPerBatch = 7, startTimestamp = 1700000000000,
      advanceMillisPerBatch = 2500);
CREATE SINK out WITH (connector = 'console', truncate = false);
INSERT INTO out
SELECT value % 2 AS g, count(*) AS n, skewness(value / 3) AS sk, kurtosis(value / 3) AS ku,
       skewness(value * value / 7) AS sk2, kurtosis(value * value * value / 11) AS ku3,
       skewness(1) AS sk_const, kurtosis(CASE WHEN value < 2 THEN value END) AS ku_one,
       skewness(CASE WHEN value < 9 THEN value / 3 END) AS sk_early,
       kurtosis(CAST(NULL AS DOUBLE)) AS ku_none
FROM ticks GROUP BY value % 2 ORDER BY g
WITH (outputMode = 'complete');
INSERT INTO out
SELECT skewness(value / 3) AS sk, kurtosis(value / 3) AS ku
FROM ticks
WITH (outputMode = 'complete');
