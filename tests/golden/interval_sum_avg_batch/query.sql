-- sum, avg, try_sum and try_avg of ANSI intervals in batch queries (Spark 3.5's Sum, Average,
-- TrySum, TryAverage).  Sum keeps the input's type, Average gives DayTimeIntervalType() or
-- YearMonthIntervalType() (INTERVAL DAY TO SECOND, YEAR TO MONTH), the sum divided by the
-- count with LongMath.divide HALF_UP.  By hand, rows in file order:
--   x: d 1, 2, 2, NULL µs: sd 5 µs, ad 5/3 -> 2 µs, DISTINCT 1 + 2 = 3 µs, avg 1.5 -> 2 µs;
--      y 1, 2, 2, NULL months: sy 0-5, ay 5/3 -> 0-2, ady 1.5 -> 0-2; s 1.5, 2, NULL,
--      0.25 s: ss 03.75 (INTERVAL SECOND), as 1.25 s; bd Long.MaxValue µs + 1 overflows:
--      tsb, tab NULL.
--   y: the negatives: sd -5 µs, ad -5/3 -> -2 µs (half away from zero), DISTINCT -3 µs and
--      -1.5 -> -2 µs; sy -0-5, ay -0-2, ady -0-2; ss -03.5, as -1.75 s; bd Long.MinValue +
--      Long.MaxValue - 1 = -2 µs (no overflow in this order), tab -2/3 -> -1 µs.
--   z: only NULLs: NULL everywhere.
--   w: d 1 day, -12 hours: sd 12:00, ad 06:00; y 0, -1 months: sy -0-1, ay -0.5 -> -0-1; s 1 µs,
--      0: as 0.5 µs -> 1 µs; bd 1 s, NULL: tsb, tab 1 s.
CREATE TABLE t (k STRING, d INTERVAL DAY TO SECOND, y INTERVAL YEAR TO MONTH, s INTERVAL SECOND,
                bd INTERVAL DAY TO SECOND)
  WITH (connector = 'files', path = 'data/t', format = 'json');

SELECT k, sum(d) AS sd, avg(d) AS ad, sum(DISTINCT d) AS sdd, avg(DISTINCT d) AS adx,
       sum(y) AS sy, avg(y) AS ay, avg(DISTINCT y) AS ady, sum(s) AS ss, avg(s) AS `as`,
       try_sum(bd) AS tsb, try_avg(bd) AS tab
FROM t GROUP BY k ORDER BY k WITH (truncate = false);

-- The result types (typeof).
SELECT typeof(sum(s)), typeof(avg(s)), typeof(sum(y)), typeof(avg(y)), typeof(try_sum(s)),
       typeof(try_avg(y))
FROM t WITH (truncate = false);

-- No rows: NULL (count 0); FILTER: x's d only (5 µs), none (NULL); 10 rows.
SELECT sum(d) AS s, avg(y) AS a, try_sum(d) AS t, try_avg(y) AS ta, count(*) AS c
FROM t WHERE k = 'none' WITH (truncate = false);
SELECT sum(d) FILTER (WHERE k = 'x') AS fx, avg(y) FILTER (WHERE k = 'none') AS fn, count(*) AS c
FROM t WITH (truncate = false);

-- Over the groups' sums: sd 5 µs, -5 µs, 12 hours, NULL: 12:00; ay 0-2, -0-2, -0-1, NULL:
-- -1/3 month -> 0-0.
SELECT sum(sd) AS total, avg(ay) AS mean
FROM (SELECT k, sum(d) AS sd, avg(y) AS ay FROM t GROUP BY k) WITH (truncate = false);
