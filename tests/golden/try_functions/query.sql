-- try_cast (Spark 3.5's Cast in EvalMode.TRY: ANSI CAST with its errors as NULL), typeof
-- (TypeOf: catalogString), try_add/try_subtract/try_multiply/try_divide (TryEval.scala) and
-- equal_null (EqualNull, as <=>).  Row 1: b = 2^31 does not fit an INT (NULL where CAST
-- wraps); d = 2147483647.9: floor(d) <= Int.MaxValue, so 2147483647; ' 12 ' is 12
-- (toIntExact trims); m = 12345678.99 truncates to 12345678; 2^31 seconds is
-- 2038-01-19 03:14:08; Int.MaxValue + 1 and Int.MaxValue^2 overflow (NULL); x / 0 is NULL.
-- Row 2: 46341^2 = 2147488281 > 2^31 - 1 (NULL); Long.MinValue - 1 and Long.MinValue
-- seconds as microseconds overflow; NaN to INT or BIGINT is NULL (ANSI); '1.5' is NULL for
-- INT and BIGINT (toLongExact takes no fraction) but 1.5 as DOUBLE; m = -2147483648.99 does
-- not fit DECIMAL(10,2), so the column is NULL.  Row 3: 9223372036854 s = 9.223372036854e18
-- µs fits a BIGINT (+294247-01-10 04:00:54); -9.3e18 is below Long.MinValue (NULL);
-- equal_null(NULL, NULL) is true.
CREATE SOURCE e (i INT, b BIGINT, d DOUBLE, s STRING, m DECIMAL(10,2), ts TIMESTAMP)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console', truncate = false);
INSERT INTO o
SELECT try_cast(b AS INT), try_cast(d AS INT) AS di, try_cast(d AS BIGINT) AS db,
       try_cast(s AS INT) AS si, try_cast(s AS BIGINT) AS sb, try_cast(m AS INT) AS mi,
       try_cast(b AS TIMESTAMP) AS bt, try_cast(s AS DOUBLE) AS sd, typeof(m), typeof(array(i)),
       typeof(NULL) AS tn, try_add(i, 1) AS a1, try_subtract(b, 1) AS s1, try_multiply(i, i) AS m1,
       try_divide(i, 0) AS d0, equal_null(i, NULL) AS en
FROM e;
