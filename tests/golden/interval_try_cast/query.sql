-- try_cast between ANSI intervals and integers or decimals (Spark 3.5's Cast.canTryCast, which
-- is canAnsiCast for them; Cast in EvalMode.TRY gives NULL where the cast throws
-- CAST_OVERFLOW or NUMERIC_VALUE_OUT_OF_RANGE): an integer times the end field's unit must fit
-- a long of microseconds (Math.multiplyExact), a YEAR TO MONTH interval an int of months
-- (longToYearMonthInterval: v.toInt == v, then multiplyExact(v, 12)); an interval in units of
-- its end field, truncated, must fit the integer type (dayTimeIntervalToInt ...); to a DECIMAL
-- it is rounded HALF_UP to the scale and must fit the precision (changePrecision).  A malformed
-- string (castStringToDTInterval, castStringToYMInterval throw) is NULL too.  Expected
-- output worked out by hand.
CREATE TABLE t (k STRING, i INT, l BIGINT, d DECIMAL(10, 0))
  WITH (connector = 'files', path = 'data/events', format = 'json');
SELECT k, try_cast(i AS INTERVAL HOUR) AS ih, try_cast(l AS INTERVAL MINUTE) AS lm,
       try_cast(l AS INTERVAL MONTH) AS lmo, try_cast(d AS INTERVAL DAY) AS dd,
       try_cast(i AS INTERVAL YEAR) AS iy
FROM t WITH (truncate = false);
SELECT try_cast(106751991 AS INTERVAL DAY) AS a1, try_cast(106751992 AS INTERVAL DAY) AS a2,
       try_cast(178956970 AS INTERVAL YEAR) AS a3, try_cast(178956971 AS INTERVAL YEAR) AS a4,
       try_cast(2147483647L AS INTERVAL MONTH) AS a5, try_cast(-2147483649L AS INTERVAL MONTH) AS a6,
       try_cast(CAST(178956971 AS DECIMAL(9, 0)) AS INTERVAL YEAR TO MONTH) AS a7
FROM t WHERE k = 'a' WITH (truncate = false);
SELECT try_cast(INTERVAL '100' DAY AS TINYINT) AS b1, try_cast(INTERVAL '300' DAY AS TINYINT) AS b2,
       try_cast(INTERVAL '2147483648' SECOND AS INT) AS b3,
       try_cast(INTERVAL '2147483648' SECOND AS BIGINT) AS b4,
       try_cast(INTERVAL '-32769' MINUTE AS SMALLINT) AS b5,
       try_cast(INTERVAL '10' YEAR AS TINYINT) AS b6, try_cast(INTERVAL '200' YEAR AS TINYINT) AS b7,
       try_cast(INTERVAL '1000' DAY AS DECIMAL(3, 0)) AS b8,
       try_cast(INTERVAL '1000' DAY AS DECIMAL(4, 0)) AS b9,
       try_cast(INTERVAL '1.5' SECOND AS DECIMAL(1, 0)) AS b10,
       try_cast(INTERVAL '10.5' SECOND AS DECIMAL(1, 0)) AS b11,
       try_cast(INTERVAL '1-6' YEAR TO MONTH AS DECIMAL(2, 0)) AS b12,
       try_cast(INTERVAL '10-0' YEAR TO MONTH AS DECIMAL(2, 0)) AS b13
FROM t WHERE k = 'a' WITH (truncate = false);
SELECT k, try_cast(k AS INTERVAL HOUR) AS s1, try_cast('10' AS INTERVAL DAY) AS s2,
       try_cast('1 day' AS INTERVAL DAY) AS s3, try_cast('INTERVAL \'1-2\' YEAR TO MONTH' AS INTERVAL YEAR TO MONTH) AS s4,
       try_cast(CAST(NULL AS STRING) AS INTERVAL DAY) AS s5
FROM t WITH (truncate = false);
