-- The cast functions of FunctionRegistry (castAlias("int", IntegerType), ...) are
-- Cast(x, type) without the USER_SPECIFIED_CAST tag, so usePrettyExpression names the column
-- as x itself (`int(s)` is `s`); the values are CAST(x AS type) (non-ANSI: NULL when a string
-- does not parse).  Expected per row (s, d, n):
--   '42', 3.7, -5:  int(s) 42, bigint(d) 3 (truncated), double(n) -5.0, boolean(n) true,
--                   string(d) 3.7, decimal(d) 4 (DECIMAL(10,0), HALF_UP), float(s) 42.0,
--                   date(s) NULL, timestamp(s) NULL
--   ' 2024-03-05 ', -1e20, 0: int(s) NULL; bigint(-1e20) = Long.MinValue (a double beyond
--                   the range saturates), boolean(0) false, string(-1e20) -1.0E20, decimal
--                   NULL (20 digits > 10), date 2024-03-05 (trimmed), timestamp
--                   2024-03-05 00:00:00
--   'true', 2.5, 1: int NULL, bigint 2, boolean(1) true, decimal(2.5) 3, date/timestamp NULL
--   'abc' (d, n NULL): every column NULL
CREATE SOURCE s (s STRING, d DOUBLE, n INT)
  WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console', truncate = false);
INSERT INTO o
SELECT int(s) AS i, bigint(d) AS b, double(n) AS dn, boolean(n) AS bn, string(d) AS sd,
       decimal(d) AS dd, float(s) AS fs, date(s) AS ds, timestamp(s) AS ts, upper(int(n))
FROM s;
