-- ANSI intervals and numbers (Cast.scala, IntervalUtils, intervalExpressions.scala of Spark 3.5).
-- By hand, row a (dt = 1 d 02:03:04.5 = 93784.5 s, ym = 1-2 = 14 months), row b (dt = -1 µs,
-- ym = -3 months), row c all NULL:
--   to_numbers: dt AS BIGINT is its seconds truncated toward zero (a 93784, b 0); AS
--   DECIMAL(12,3) the seconds rounded HALF_UP (a 93784.500, b -0.000001 -> 0.000); ym AS INT its
--   months (14, -3), AS DECIMAL(5,1) 14.0, -3.0; dt cast to INTERVAL HOUR is 26 h (a; b 0), as
--   SMALLINT 26, 0; ym cast to INTERVAL YEAR is 12 months (a; b 0), as TINYINT 1, 0.
--   from_numbers: t AS INTERVAL HOUR TO SECOND is t seconds (-3 s, 5 s); i AS INTERVAL DAY i days;
--   b AS INTERVAL MINUTE b minutes; i AS INTERVAL YEAR TO MONTH i months (0-10, -0-2), AS
--   INTERVAL YEAR i years; d AS INTERVAL SECOND d seconds; d AS INTERVAL MONTH rounded HALF_UP
--   (10.123456 -> 10, -1.5 -> -2); n AS INTERVAL YEAR is n * 12 months HALF_UP (2.5 -> 30, -0.3
--   -> -3.6 -> -4), printed in whole years (2, -0: toYearMonthIntervalString), cast to YEAR TO
--   MONTH 2-6 and -0-4.
--   functions: make_dt_interval(t, 2, 3, d): a -3 d + 2 h + 3 min + 10.123456 s = -251809.876544 s
--   = -2 d 21:56:49.876544, b 5 d 2 h 3 min - 1.5 s = 5 02:02:58.5; make_ym_interval(t, i): a -36
--   + 10 = -26 months = -2-2, b 60 - 2 = 58 = 4-10; make_dt_interval(i) i days, named with Spark's
--   defaults; abs(dt) a itself, b 1 µs; abs(ym) 1-2, 0-3; extract DAY, HOUR, MINUTE, SECOND of
--   dt: a 1, 2, 3, 4.500000, b 0, 0, 0, -0.000001 (truncated toward zero); YEAR and MONTH of ym:
--   a 1, 2, b 0, -3.
--   decimals: dt * d: a 93784500000 µs * 10.123456 = 949423259232 µs = 10 23:43:43.259232, b -1 *
--   -1.5 = 1.5 -> 2 µs (HALF_UP); dt / n: a / 2.5 = 37513800000 µs = 10:25:13.8, b -1 / -0.3 =
--   3.33 -> 3 µs; ym * n: 14 * 2.5 = 35 = 2-11, -3 * -0.3 = 0.9 -> 1 = 0-1; ym / d: 14 /
--   10.123456 = 1.38 -> 1 = 0-1, -3 / -1.5 = 2 = 0-2.
CREATE SOURCE ev (k STRING, i INT, b BIGINT, t TINYINT, d DECIMAL(10,6), n DECIMAL(3,1),
                  ym INTERVAL YEAR TO MONTH, dt INTERVAL DAY TO SECOND)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK out WITH (connector = 'console', truncate = false);
INSERT INTO out
SELECT k, CAST(dt AS BIGINT), CAST(dt AS DECIMAL(12,3)) AS dt_dec, CAST(ym AS INT) AS ym_int,
       CAST(ym AS DECIMAL(5,1)) AS ym_dec, CAST(CAST(dt AS INTERVAL HOUR) AS SMALLINT) AS hours,
       CAST(CAST(ym AS INTERVAL YEAR) AS TINYINT) AS years
FROM ev WITH (name = 'to_numbers');
INSERT INTO out
SELECT k, CAST(t AS INTERVAL HOUR TO SECOND) AS hs, CAST(i AS INTERVAL DAY) AS days,
       CAST(b AS INTERVAL MINUTE) AS mins, CAST(i AS INTERVAL YEAR TO MONTH) AS ym,
       CAST(i AS INTERVAL YEAR) AS y, CAST(d AS INTERVAL SECOND) AS s, CAST(d AS INTERVAL MONTH) AS m,
       CAST(n AS INTERVAL YEAR) AS ny, CAST(CAST(n AS INTERVAL YEAR) AS INTERVAL YEAR TO MONTH) AS nym
FROM ev WITH (name = 'from_numbers');
INSERT INTO out
SELECT k, make_dt_interval(t, 2, 3, d) AS mdt, make_ym_interval(t, i) AS mym, make_dt_interval(i),
       abs(dt) AS adt, abs(ym) AS aym, extract(DAY FROM dt), extract(HOUR FROM dt) AS h,
       extract(MINUTE FROM dt) AS mi, extract(SECOND FROM dt) AS sec, date_part('YEAR', ym),
       date_part('MONTH', ym) AS mo
FROM ev WITH (name = 'functions');
INSERT INTO out
SELECT k, dt * d AS dt_d, dt / n AS dt_n, ym * n AS ym_n, ym / d AS ym_d
FROM ev WITH (name = 'decimals');
