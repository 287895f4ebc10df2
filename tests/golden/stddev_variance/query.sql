-- The standard deviation and variance family over three deterministic batches of 7 rows.
CREATE SOURCE ticks
WITH (connector = 'rate-micro-batch', rowsPerBatch = 7, startTimestamp = 1700000000000,
      advanceMillisPerBatch = 2500);
CREATE SINK out WITH (connector = 'console', truncate = false);
INSERT INTO out
SELECT value % 2 AS g, count(*) AS n, stddev(CAST(value AS DOUBLE) / 10) AS sd, STD(value / 3) AS std,
       stddev_samp(value / 3) AS ss, stddev_pop(value / 3) AS sp, variance(value / 3) AS v,
       var_samp(value * 1e15 / 7) AS vs, var_pop(value / 7) AS vp, var_samp(1) AS one,
       stddev_samp(CASE WHEN value < 2 THEN value END) AS single,
       stddev_pop(CASE WHEN value < 9 THEN value / 3 END) AS early, variance(CAST(NULL AS INT)) AS none
FROM ticks GROUP BY value % 2 ORDER BY g
WITH (outputMode = 'complete');
INSERT INTO out
SELECT stddev(value / 3), var_pop(value / 3)
FROM ticks
WITH (outputMode = 'complete');
INSERT INTO out
SELECT count(*) AS n, stddev(value / 3) AS sd, var_pop(value / 7) AS vp
FROM ticks WHERE value < 7 OR value >= 14
WITH (outputMode = 'complete');
