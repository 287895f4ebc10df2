-- Spark 3.5's mathExpressions.scala: Cos, Sin, Tan, Acos, Asin, Atan, Cosh, Sinh, Tanh
-- (java.lang.Math), Cbrt (Math.cbrt = StrictMath.cbrt, fdlibm: cbrt(2.0) = 1.2599210498948732
-- where glibc gives ...734), Cot (1 / Math.tan), ToDegrees/ToRadians (Math.toDegrees: x *
-- 57.29577951308232, Math.toRadians: x * 0.017453292519943295, Java 9+), Expm1
-- (StrictMath), Rint (Math.rint: half to even), Atan2 (Math.atan2(y + 0.0, x + 0.0): a -0.0
-- becomes 0.0 first, so atan2(-0.0, -1.0) is pi), Hypot (Math.hypot); NULL in, NULL out;
-- NaN in, NaN out; acos/asin beyond +-1 are NaN (not NULL).  The names print in capitals
-- (UnaryMathExpression's prettyName), but rint(x) is named rint(x) (Rint's own prettyName).
-- Expected values: python3's math module (the same C library as the runtime: Java's Math may
-- differ from it in the last bit on some inputs; cbrt by a python transcription of fdlibm's
-- s_cbrt.c), the doubles printed as Java's Double.toString.
CREATE SOURCE s (x DOUBLE, y DOUBLE) WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console', truncate = false);
INSERT INTO o
SELECT x, cos(x), sin(x), tan(x), acos(x), asin(x), atan(x), atan2(y, x), cosh(x), sinh(x),
       tanh(x), cot(x), degrees(x), radians(x), cbrt(x), hypot(x, y), expm1(x), rint(x)
FROM s;
