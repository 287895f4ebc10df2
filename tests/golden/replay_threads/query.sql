-- Aggregates whose result depends on the order of their updates (sum and avg of DOUBLE and
-- DECIMAL, stddev, variance) run on one thread (golden.*) and split into tasks on two
-- threads (golden_split.*: a task a line; golden_split_lines.*, golden_split_tasks.*: tasks of
-- a few lines and of 4 KiB): the same output, byte for byte.  A task logs their values and the
-- query's thread replays them in input order.  The values make another order of additions give
-- other doubles (1e16 + 1.0 - 1e16, sums of 0.1, moments of 1e8 + 0.1 k) and another DECIMAL
-- overflow (a task's partial sum of group a would pass 38 digits).  Expected output computed
-- by model.py.
CREATE TABLE t (k STRING, x DOUBLE, y DOUBLE, d DECIMAL(38, 0), e DECIMAL(10, 2), n INT,
                ts TIMESTAMP)
  WITH (connector = 'files', path = 'data/t', format = 'json');

-- groups in the order their first row came (no ORDER BY); a FILTER and NULLs skip values
SELECT k, sum(x) AS sx, avg(x) AS ax, sum(x) FILTER (WHERE n > 0) AS sxp, stddev(y) AS sdy,
       variance(y) AS vy, var_pop(x) AS vpx, sum(d) AS sd, avg(d) AS ad, sum(e) AS se,
       avg(e) AS ae, count(*) AS c
FROM t GROUP BY k
WITH (truncate = false);

-- over all rows
SELECT sum(x) AS sx, avg(x) AS ax, stddev_pop(y) AS sdy, var_samp(x) AS vx, sum(e) AS se,
       avg(e) AS ae, count(x) AS cx
FROM t
WITH (truncate = false);

-- sliding windows: each row with a time in two of them
SELECT window.start AS ws, sum(x) AS sx, avg(y) AS ay, stddev(x) AS sdx, sum(e) AS se,
       count(*) AS c
FROM t GROUP BY window(ts, '10 minutes', '5 minutes') ORDER BY ws
WITH (truncate = false);
