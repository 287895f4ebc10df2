-- Spark 3.5's mathExpressions.scala: Acosh is StrictMath.log(x + Math.sqrt(x * x - 1.0)),
-- Asinh is -Infinity for -Infinity, else StrictMath.log(x + Math.sqrt(x * x + 1.0)), Atanh is
-- 0.5 * (StrictMath.log1p(x) - StrictMath.log1p(-x)) (SPARK-28519), Sec is 1 / Math.cos(x),
-- Csc is 1 / Math.sin(x); UnaryMathExpression: NULL in, NULL out, names in capitals. The
-- formulas, not the C library's acosh/asinh/atanh: asinh(-1e10) is -Infinity, asinh(-1e300)
-- Infinity, asinh(-0.0) 0.0, acosh(-Infinity) NaN. An INT and a STRING are cast to DOUBLE.
-- Expected values: model.py (fdlibm's e_log.c and s_log1p.c transcribed in python).
CREATE SOURCE s (x DOUBLE) WITH (connector = 'files', path = 'data/events', format = 'json');
CREATE SINK o WITH (connector = 'console', truncate = false, numRows = 50);
INSERT INTO o
SELECT x, acosh(x), asinh(x), atanh(x), sec(x), csc(x), acosh(2), atanh('0.5') AS s
FROM s;
