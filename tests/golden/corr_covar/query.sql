-- corr, covar_pop and covar_samp (Spark's PearsonCorrelation and Covariance) over three
-- deterministic batches of 7 rows, to the last bit: see test.conf.
CREATE SOURCE ticks
WITH (connector = 'rate-micro-batch', rowsPerBatch = 7, startTimestamp = 1700000000000,
      advanceMillisPerBatch = 2500);
CREATE SINK out WITH (connector = 'console', truncate = false);
INSERT INTO out
SELECT value % 2 AS g, count(*) AS n, corr(value / 3, value * value / 7) AS c,
       covar_pop(value / 3, value * value / 7) AS cp, covar_samp(value / 3, 10 - value) AS cs,
       corr(value, CASE WHEN value % 3 = 0 THEN NULL ELSE value / 7 END) AS c_nulls,
       corr(value, 1) AS c_const, covar_samp(CASE WHEN value < 2 THEN value END, value) AS cs_one,
       covar_pop(CAST(NULL AS DOUBLE), value) AS cp_none
FROM ticks GROUP BY value % 2 ORDER BY g
WITH (outputMode = 'complete');
INSERT INTO out
SELECT corr(value / 3, value * value / 7) AS c, covar_pop(value, value / 11) AS cp,
       covar_samp(value * 1e15 / 7, value) AS cs
FROM ticks
WITH (outputMode = 'complete');
