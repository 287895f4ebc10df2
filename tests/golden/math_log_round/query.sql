-- Spark 3.5's mathExpressions.scala and arithmetic.scala:
-- Logarithm(base, x): NULL when base <= 0 or x <= 0, else StrictMath.log(x) /
--   StrictMath.log(base); log(x) is Logarithm(EulerNumber(), x), StrictMath.log(x), printed
--   LOG(E(), x).  Log2: StrictMath.log(x) / StrictMath.log(2), NULL for x <= 0.  Log1p:
--   StrictMath.log1p, NULL for x <= -1 (yAsymptote -1).  NaN is not <= 0: NaN.
-- BRound: RoundBase with HALF_EVEN on BigDecimal(Double.toString(x)): bround(2.5) = 2.0,
--   bround(0.285, 2) = 0.28 (the text is 0.285), round gives 3.0 and 0.29; integers with a
--   negative scale: bround(25, -1) = 20, bround(35, -1) = 40, bround(-25, -1) = -20; a
--   DECIMAL(4,3) keeps DECIMAL(4,2) for scale 2 (2.345 -> 2.34, 2.355 -> 2.36).
-- IsNaN: never NULL (false for NULL).  NaNvl(a, b): a unless a is NaN (then b); NULL if a is.
-- Factorial: NULL outside 0..20 (20! = 2432902008176640000).  UnaryMinus (negative) wraps
--   without ANSI: negative(-2147483648) = -2147483648; UnaryPositive prints as (+ x).
-- Expected values: python3 (StrictMath.log by a transcription of fdlibm's e_log.c: it
-- differs from glibc's log in the last digit for 0.285, -1.2552660987134865;
-- decimal.Decimal(repr(x)).quantize with ROUND_HALF_EVEN / ROUND_HALF_UP; math.log1p;
-- math.factorial), doubles printed as Java prints them.
CREATE SOURCE s (x DOUBLE, i INT, dd DECIMAL(6,3)) WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console', truncate = false);
INSERT INTO o
SELECT x, log(x), log(2, x), log(0.5, x) AS lhalf, log(x, 8) AS base_x, log2(x), log1p(x),
       pi(), e(), bround(x), round(x) AS r, bround(x, 2), bround(i, -1), round(i, -1) AS ri,
       bround(dd, 2), isnan(x), nanvl(x, -1.0) AS nv, factorial(i), negative(i), positive(x)
FROM s;
