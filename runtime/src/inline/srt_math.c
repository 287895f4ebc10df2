/* srt_math.c - math functions with Java's special cases (inline helpers): exp, ln, log10, pow, signum.
**
** Spark evaluates exp, ln (Log), log10 and pow with java.lang.StrictMath (fdlibm) and signum
** with java.lang.Math.signum (mathExpressions.scala).  These use the C library's exp, log,
** log10 and pow, which agree with fdlibm on the special values below but, like fdlibm, are
** only faithfully rounded: a result may differ from Spark's in the last bit.  NULL for
** ln/log10 of x <= 0 is decided by generated code (functions.def class DBL_LOG).
*/
#include <math.h>

#include "srt_abi.h"

double srt_math_exp(double x)
{
    return exp(x);
}

double srt_math_ln(double x)
{
    return log(x);
}

double srt_math_log10(double x)
{
    return log10(x);
}

/* Java's Math.pow special cases where C's pow differs: a NaN exponent gives NaN (C:
   pow(1, NaN) = 1), and |x| = 1 with an infinite exponent gives NaN (C: 1). */
double srt_math_pow(double x, double y)
{
    if (isnan(y) || (fabs(x) == 1.0 && isinf(y)))
        return NAN;
    return pow(x, y);
}

/* Math.signum: 1.0 or -1.0 by the sign, and zeros (keeping their sign) and NaN as they are. */
double srt_math_signum(double x)
{
    if (x == 0.0 || isnan(x))
        return x;
    return copysign(1.0, x);
}
