-- Expected, by hand (Spark 3.5, spark.sql.ansi.enabled=false):
-- lower(INTERVAL '1' DAY): the interval cast to STRING, "INTERVAL '1' DAY", lower-cased.
-- length(INTERVAL '-1-2' YEAR TO MONTH): "INTERVAL '-1-2' YEAR TO MONTH" has 29 characters.
-- signum of intervals: -1.0, 0.0, 1.0 (the sign of the months or microseconds).
-- abs(s) of '-1.5': the STRING read as a DOUBLE (NumericType's default type), 1.5.
-- hex of a TIMESTAMP, DATE, BOOLEAN: Hex takes (BIGINT or BINARY or STRING), so each is cast
-- to the STRING "2024-01-01 00:00:00", "2024-01-02", "true" and the bytes are printed.
-- to_date(n) of 2024: ParseToDate casts the INT to STRING, "2024" is 2024-01-01;
-- to_date(true) is "true", no date: NULL; to_date(m, 'yyyyMMdd') of 20240102 is 2024-01-02.
-- round(2.567D, 1.7D): the scale cast to INT (1), 2.6.
-- BooleanEquality casts a BOOLEAN compared (=, <=>) with a number to the number's type:
-- 1 = b is 1 = 1, true; n <=> b is 2024 <=> 1, false; n IS TRUE (n <=> true) false;
-- 1.0 = b is 1.0 = 1.0, true.
CREATE TABLE t (k STRING, s STRING, n INT, m INT, b BOOLEAN) WITH (connector = 'files', path = 'data/events', format = 'json');
SELECT lower(INTERVAL '1' DAY) AS lo, length(INTERVAL '-1-2' YEAR TO MONTH) AS len,
  signum(INTERVAL -'100' YEAR) AS s1, sign(INTERVAL '0' DAY) AS s2, signum(INTERVAL '3' SECOND) AS s3,
  abs(s) AS a, hex(TIMESTAMP '2024-01-01 00:00:00') AS h1, hex(DATE '2024-01-02') AS h2,
  hex(true) AS h3, to_date(n) AS d1, to_date(true) AS d2, to_date(m, 'yyyyMMdd') AS d3,
  round(2.567D, 1.7D) AS r, 1 = b AS e1, n <=> b AS e2, n IS TRUE AS e3, 1.0 = b AS e4
FROM t;
