CREATE SOURCE events (k STRING, n INT, b BIGINT, d DOUBLE, s STRING)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console', truncate = false);
INSERT INTO out
SELECT k, 0.1 + 0.2 AS sum_lit, 0.1 * 3 AS mul_int_lit, 1.0 / 3 AS third, 10.00 % 3 AS rem,
       n * 0.5 AS n_half, n / 2.0 AS n_div, b + 0.01 AS b_cent, -(n * 1.25) AS neg,
       d + 0.5 AS dbl_wins, n * 0.1 = 0.7 AS eq_scales, n > 6.99 AS gt_int, 1.50 = 1.5 AS eq_lit,
       n / 0.0 AS div_zero, n % 0.00 AS rem_zero
FROM events WITH (name = 'arithmetic');
INSERT INTO out
SELECT k, CAST(s AS DECIMAL(5,2)) AS from_str, CAST(d AS DECIMAL(6,3)) AS from_dbl,
       CAST(b AS DECIMAL(10,0)) AS from_big, CAST(n AS DECIMAL(3,2)) AS from_int,
       CAST(n > 0 AS DECIMAL(2,1)) AS from_bool, CAST(n * 1.75 AS INT) AS to_int,
       CAST(n * 1.75 AS DOUBLE) AS to_dbl, CAST(n * 0.0000001 AS STRING) AS to_str,
       CAST(n * 0.5 AS BOOLEAN) AS to_bool, 12345678901234567890123 AS big_lit,
       99999999999999999999999999999999999999 * 10 AS overflow
FROM events WITH (name = 'casts');
