-- TINYINT (BYTE) and SMALLINT (SHORT) are Spark's ByteType and ShortType.
CREATE SOURCE js (k STRING, t TINYINT, s SMALLINT, i INT, str STRING, d DOUBLE)
  WITH (connector = 'files', path = 'data/json', format = 'json');
CREATE SINK out WITH (connector = 'console', truncate = false);
INSERT INTO out
SELECT k, t, s, t + t AS tt, s * s AS ss, t - s AS ts, t + i AS ti, -t AS neg, abs(t) AS abs_t,
       t / 2 AS half, t % CAST(3 AS TINYINT) AS m, t DIV 2 AS dv, t & s AS band, ~s AS bnot
FROM js WITH (name = 'arithmetic');
INSERT INTO out
SELECT k, CAST(i AS TINYINT) AS i_t, CAST(i AS SMALLINT) AS i_s, CAST(d AS TINYINT) AS d_t,
       smallint(d) AS d_s, tinyint(str) AS str_t, CAST(str AS SHORT) AS str_s,
       CAST(t AS STRING) AS t_str, CAST(s AS DOUBLE) AS s_dbl, CAST(t AS DECIMAL(4,1)) AS t_dec,
       hash(t, s) AS h, t < s AS lt, typeof(t) AS ty_t, typeof(s) AS ty_s, typeof(t + s) AS ty_ts,
       typeof(t + i) AS ty_ti
FROM js WITH (name = 'casts');
INSERT INTO out
SELECT count(*) AS n, sum(t) AS sum_t, sum(s) AS sum_s, avg(t) AS avg_t, min(t) AS min_t,
       max(t) AS max_t, min(s) AS min_s, max(s) AS max_s, typeof(sum(t)) AS ty_sum,
       typeof(max(s)) AS ty_max
FROM js WITH (name = 'aggregates', outputMode = 'complete');
INSERT INTO out
SELECT t, count(*) AS n, max(s) AS max_s FROM js GROUP BY t ORDER BY t
WITH (name = 'tinyint_key', outputMode = 'complete');
