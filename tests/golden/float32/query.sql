-- FLOAT and REAL are Spark's FloatType.
CREATE SOURCE js (k STRING, f FLOAT, n INT, b BIGINT, d DOUBLE, s STRING)
  WITH (connector = 'files', path = 'data/json', format = 'json');
CREATE SINK out WITH (connector = 'console', truncate = false);
CREATE SINK js_out WITH (connector = 'files', path = 'out', format = 'json');
INSERT INTO out SELECT k, f FROM js WITH (name = 'json_read');
INSERT INTO out
SELECT k, f + n AS f_int, f * b AS f_big, f + d AS f_dbl, f + 0.5 AS f_dec, f / 2 AS f_div,
       f % 2 AS f_mod, -f AS neg, abs(f) AS abs_f, sqrt(f) AS sqrt_f, f = d AS eq_d,
       f > 1 AS gt_one, f = CAST('NaN' AS FLOAT) AS is_nan, f = 0 AS is_zero
FROM js WITH (name = 'arithmetic');
INSERT INTO out
SELECT k, CAST(f AS STRING) AS to_str, CAST(f AS INT) AS to_int, CAST(f AS BIGINT) AS to_big,
       CAST(f AS DOUBLE) AS to_dbl, CAST(f AS DECIMAL(20,10)) AS to_dec, CAST(f AS BOOLEAN) AS to_bool,
       CAST(s AS FLOAT) AS from_str, CAST(n AS FLOAT) AS from_int, CAST(b AS REAL) AS from_big,
       CAST(d AS FLOAT) AS from_dbl, CAST(CAST(s AS DECIMAL(10,3)) AS FLOAT) AS from_dec,
       CAST(n > 2 AS FLOAT) AS from_bool, CAST(f AS TIMESTAMP) AS to_ts
FROM js WITH (name = 'casts');
INSERT INTO out
SELECT sum(f) AS s, avg(f) AS a, min(f) AS lo, max(f) AS hi, count(f) AS c
FROM js WITH (name = 'aggregates', outputMode = 'complete');
INSERT INTO out
SELECT sum(f) AS s, avg(f) AS a, min(f) AS lo, max(f) AS hi, min(f * n) AS lo_n FROM js
WHERE k IN ('a', 'd', 'h', 'j') WITH (name = 'aggregates_finite', outputMode = 'complete');
INSERT INTO out
SELECT f, count(*) AS c, min(k) AS first_k FROM js GROUP BY f
WITH (name = 'float_key', outputMode = 'complete');
INSERT INTO js_out SELECT k, f, CAST(f AS FLOAT) * 1 AS g FROM js WITH (name = 'json_sink', checkpointLocation = 'ckpt');
