-- approx_count_distinct of every kind of value, with the default and explicit relative
-- errors, globally and per group, over three deterministic batches of 1500 rows.
CREATE SOURCE ticks
WITH (connector = 'rate-micro-batch', rowsPerBatch = 1500, startTimestamp = 1700000000000,
      advanceMillisPerBatch = 2500);
CREATE SINK out WITH (connector = 'console', truncate = false);
INSERT INTO out
SELECT count(*) AS n, approx_count_distinct(value) AS v, approx_count_distinct(CAST(value AS INT)) AS i,
       approx_count_distinct(value % 1000) AS m, approx_count_distinct(CAST(value AS DOUBLE) / 2) AS d,
       approx_count_distinct(CAST(value AS STRING)) AS s, approx_count_distinct(timestamp) AS t,
       approx_count_distinct(value, 0.1) AS v10, approx_count_distinct(value, 0.01) AS v1,
       approx_count_distinct(CASE WHEN value % 3 = 0 THEN NULL ELSE value END) AS nn,
       approx_count_distinct(value % 2 = 0) AS b, approx_count_distinct(value, 0.05)
FROM ticks
WITH (outputMode = 'complete');
INSERT INTO out
SELECT value % 3 AS g, approx_count_distinct(value) AS v, APPROX_COUNT_DISTINCT(value * 7 % 100) AS r
FROM ticks GROUP BY value % 3 ORDER BY g
WITH (outputMode = 'complete');
