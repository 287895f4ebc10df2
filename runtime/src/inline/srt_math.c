/* srt_math.c - exp, ln, log10, pow and signum exactly as Java's StrictMath (fdlibm) and Math.
**
** Spark evaluates exp, ln (Log), log10 and pow with java.lang.StrictMath and signum with
** java.lang.Math.signum (mathExpressions.scala).  StrictMath is fdlibm 5.3, so exp, log,
** log10 and pow below follow fdlibm's algorithms step by step (e_exp.c, e_log.c,
** e_log10.c, e_pow.c; "Developed at SunPro, a Sun Microsystems, Inc. business. Permission
** to use, copy, modify, and distribute this software is freely granted, provided that this
** notice is preserved.") and give Java's results bit for bit; the C library's functions
** differ in the last bit for about one exp or pow in ten (exp(1) is 2.7182818284590455 in
** Java, 2.718281828459045 in glibc).  No fused multiply-add may change a rounding, hence
** FP_CONTRACT OFF (gcc does not contract in ISO C mode).  NULL for ln/log10 of x <= 0 is
** decided by generated code (functions.def class DBL_LOG).
*/
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "srt_abi.h"

#ifdef __clang__
#pragma STDC FP_CONTRACT OFF
#endif

/* The high and low 32-bit words of a double, and x with its high word replaced. */
static inline int32_t m_hi(double x)
{
    uint64_t b;
    memcpy(&b, &x, sizeof b);
    return (int32_t)(b >> 32);
}

static inline uint32_t m_lo(double x)
{
    uint64_t b;
    memcpy(&b, &x, sizeof b);
    return (uint32_t)b;
}

static inline double m_with_hi(double x, int32_t hi)
{
    uint64_t b;
    memcpy(&b, &x, sizeof b);
    b = (b & 0xffffffffu) | ((uint64_t)(uint32_t)hi << 32);
    memcpy(&x, &b, sizeof x);
    return x;
}

static inline double m_from_bits(uint64_t b)
{
    double x;
    memcpy(&x, &b, sizeof x);
    return x;
}

/* x with its low 32-bit word cleared. */
static inline double m_lo0(double x)
{
    uint64_t b;
    memcpy(&b, &x, sizeof b);
    b &= 0xffffffff00000000u;
    memcpy(&x, &b, sizeof x);
    return x;
}

/* exp(x) = 2^k * exp(r) with x = k*ln2 + r, |r| <= 0.5*ln2; exp(r) from a rational
   approximation R(r^2) of degree 5 (error < 2^-59). */
static double m_exp(double x)
{
    const double ln2_hi[2] = {6.93147180369123816490e-01, -6.93147180369123816490e-01};
    const double ln2_lo[2] = {1.90821492927058770002e-10, -1.90821492927058770002e-10};
    const double half[2] = {0.5, -0.5};
    const double invln2 = 1.44269504088896338700e+00, huge = 1.0e+300,
                 twom1000 = 9.33263618503218878990e-302, o_threshold = 7.09782712893383973096e+02,
                 u_threshold = -7.45133219101941108420e+02;
    const double P1 = 1.66666666666666019037e-01, P2 = -2.77777777770155933842e-03,
                 P3 = 6.61375632143793436117e-05, P4 = -1.65339022054652515390e-06,
                 P5 = 4.13813679705723846039e-08;
    double hi = 0, lo = 0, c, t, y;
    int k = 0;
    uint32_t hx = (uint32_t)m_hi(x);
    int xsb = (int)(hx >> 31) & 1;
    hx &= 0x7fffffff;
    if (hx >= 0x40862E42) { /* |x| >= 709.78 */
        if (hx >= 0x7ff00000) {
            if (((hx & 0xfffff) | m_lo(x)) != 0)
                return x + x;          /* NaN */
            return xsb == 0 ? x : 0.0; /* exp(+-inf) = {inf, 0} */
        }
        if (x > o_threshold)
            return huge * huge; /* overflow */
        if (x < u_threshold)
            return twom1000 * twom1000; /* underflow */
    }
    if (hx > 0x3fd62e42) {     /* |x| > 0.5 ln2 */
        if (hx < 0x3FF0A2B2) { /* and |x| < 1.5 ln2 */
            hi = x - ln2_hi[xsb];
            lo = ln2_lo[xsb];
            k = 1 - xsb - xsb;
        } else {
            k = (int)(invln2 * x + half[xsb]);
            t = k;
            hi = x - t * ln2_hi[0]; /* t*ln2_hi is exact here */
            lo = t * ln2_lo[0];
        }
        x = hi - lo;
    } else if (hx < 0x3e300000) { /* |x| < 2^-28 */
        return 1.0 + x;
    }
    t = x * x;
    c = x - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
    if (k == 0)
        return 1.0 - ((x * c) / (c - 2.0) - x);
    y = 1.0 - ((lo - (x * c) / (2.0 - c)) - hi);
    if (k >= -1021)
        return m_with_hi(y, m_hi(y) + (int32_t)((uint32_t)k << 20));
    return m_with_hi(y, m_hi(y) + (int32_t)((uint32_t)(k + 1000) << 20)) * twom1000;
}

/* The constants of e_log.c that s_log1p.c shares: ln2 in two parts (ln2_hi's low bits are
   zero, so k*ln2_hi is exact for |k| < 2000), and the coefficients of the polynomial for
   log(1+f) (e_log.c's Lg1..Lg7 are s_log1p.c's Lp1..Lp7). */
static const double m_ln2_hi = 6.93147180369123816490e-01, m_ln2_lo = 1.90821492927058770002e-10;
static const double m_lg[7] = {6.666666666666735130e-01, 3.999999999940941908e-01,
                               2.857142874366239149e-01, 2.222219843214978396e-01,
                               1.818357216161805012e-01, 1.531383769920937332e-01,
                               1.479819860511658591e-01};

/* log(x) = k*ln2 + log(1+f) with x = 2^k * (1+f), sqrt(2)/2 < 1+f < sqrt(2); log(1+f) from
   s = f/(2+f) and a polynomial of degree 14 in s (error < 2^-58.45). */
static double m_log(double x)
{
    const double ln2_hi = m_ln2_hi, ln2_lo = m_ln2_lo, two54 = 1.80143985094819840000e+16;
    const double Lg1 = m_lg[0], Lg2 = m_lg[1], Lg3 = m_lg[2], Lg4 = m_lg[3], Lg5 = m_lg[4],
                 Lg6 = m_lg[5], Lg7 = m_lg[6];
    double hfsq, f, s, z, R, w, t1, t2, dk;
    int32_t hx = m_hi(x), i, j;
    uint32_t lx = m_lo(x);
    int k = 0;
    if (hx < 0x00100000) { /* x < 2^-1022 */
        if (((hx & 0x7fffffff) | (int32_t)lx) == 0)
            return -INFINITY; /* log(+-0) */
        if (hx < 0)
            return NAN; /* log(-x) */
        k -= 54;
        x *= two54; /* subnormal: scale up */
        hx = m_hi(x);
    }
    if (hx >= 0x7ff00000)
        return x + x;
    k += (hx >> 20) - 1023;
    hx &= 0x000fffff;
    i = (hx + 0x95f64) & 0x100000;
    x = m_with_hi(x, hx | (i ^ 0x3ff00000)); /* normalize x or x/2 */
    k += (i >> 20);
    f = x - 1.0;
    if ((0x000fffff & (2 + hx)) < 3) { /* |f| < 2^-20 */
        if (f == 0.0) {
            if (k == 0)
                return 0.0;
            dk = (double)k;
            return dk * ln2_hi + dk * ln2_lo;
        }
        R = f * f * (0.5 - 0.33333333333333333 * f);
        if (k == 0)
            return f - R;
        dk = (double)k;
        return dk * ln2_hi - ((R - dk * ln2_lo) - f);
    }
    s = f / (2.0 + f);
    dk = (double)k;
    z = s * s;
    i = hx - 0x6147a;
    w = z * z;
    j = 0x6b851 - hx;
    t1 = w * (Lg2 + w * (Lg4 + w * Lg6));
    t2 = z * (Lg1 + w * (Lg3 + w * (Lg5 + w * Lg7)));
    i |= j;
    R = t2 + t1;
    if (i > 0) {
        hfsq = 0.5 * f * f;
        if (k == 0)
            return f - (hfsq - s * (hfsq + R));
        return dk * ln2_hi - ((hfsq - (s * (hfsq + R) + dk * ln2_lo)) - f);
    }
    if (k == 0)
        return f - s * (f - R);
    return dk * ln2_hi - ((s * (f - R) - dk * ln2_lo) - f);
}

/* log10(x) = n*log10(2) + log10(y) with x = 2^n * y; exact for 10^n, n = 0..22. */
static double m_log10(double x)
{
    const double two54 = 1.80143985094819840000e+16, ivln10 = 4.34294481903251816668e-01,
                 log10_2hi = 3.01029995663611771306e-01, log10_2lo = 3.69423907715893078616e-13;
    int32_t hx = m_hi(x), i;
    uint32_t lx = m_lo(x);
    int k = 0;
    if (hx < 0x00100000) { /* x < 2^-1022 */
        if (((hx & 0x7fffffff) | (int32_t)lx) == 0)
            return -INFINITY;
        if (hx < 0)
            return NAN;
        k -= 54;
        x *= two54;
        hx = m_hi(x);
    }
    if (hx >= 0x7ff00000)
        return x + x;
    k += (hx >> 20) - 1023;
    i = (int32_t)(((uint32_t)k & 0x80000000u) >> 31);
    hx = (hx & 0x000fffff) | ((0x3ff - i) << 20);
    double y = (double)(k + i);
    x = m_with_hi(x, hx);
    double z = y * log10_2lo + ivln10 * m_log(x);
    return z + y * log10_2hi;
}

/* pow(x, y) = 2^(y*log2(x)): log2(x) to about 64 bits as t1 + t2, the product split in
   two, then 2^z as in exp; special cases as Java's Math.pow. */
static double m_pow(double x, double y)
{
    const double bp[2] = {1.0, 1.5}, dp_h[2] = {0.0, 5.84962487220764160156e-01},
                 dp_l[2] = {0.0, 1.35003920212974897128e-08};
    const double two53 = 9007199254740992.0, huge = 1.0e300, tiny = 1.0e-300;
    const double L1 = 5.99999999999994648725e-01, L2 = 4.28571428578550184252e-01,
                 L3 = 3.33333329818377432918e-01, L4 = 2.72728123808534006489e-01,
                 L5 = 2.30660745775561754067e-01, L6 = 2.06975017800338417784e-01;
    const double P1 = 1.66666666666666019037e-01, P2 = -2.77777777770155933842e-03,
                 P3 = 6.61375632143793436117e-05, P4 = -1.65339022054652515390e-06,
                 P5 = 4.13813679705723846039e-08;
    const double lg2 = 6.93147180559945286227e-01, lg2_h = 6.93147182464599609375e-01,
                 lg2_l = -1.90465429995776804525e-09, ovt = 8.0085662595372944372e-17,
                 cp = 9.61796693925975554329e-01, cp_h = 9.61796700954437255859e-01,
                 cp_l = -7.02846165095275826516e-09, ivln2 = 1.44269504088896338700e+00,
                 ivln2_h = 1.44269502162933349609e+00, ivln2_l = 1.92596299112661746887e-08;
    double z, ax, z_h, z_l, p_h, p_l, y1, t1, t2, r, s, t, u, v, w;
    int32_t i, j, k, yisint, n, hx, hy, ix, iy;
    uint32_t lx, ly;

    hx = m_hi(x);
    lx = m_lo(x);
    hy = m_hi(y);
    ly = m_lo(y);
    ix = hx & 0x7fffffff;
    iy = hy & 0x7fffffff;
    if ((iy | (int32_t)ly) == 0)
        return 1.0; /* x^0 = 1, even for NaN */
    if (ix > 0x7ff00000 || (ix == 0x7ff00000 && lx != 0) || iy > 0x7ff00000 ||
        (iy == 0x7ff00000 && ly != 0))
        return x + y; /* NaN */
    /* x < 0: is y an odd integer (1), an even integer (2), or not an integer (0)? */
    yisint = 0;
    if (hx < 0) {
        if (iy >= 0x43400000) {
            yisint = 2;
        } else if (iy >= 0x3ff00000) {
            k = (iy >> 20) - 0x3ff;
            if (k > 20) {
                uint32_t jj = ly >> (52 - k);
                if ((jj << (52 - k)) == ly)
                    yisint = 2 - (int32_t)(jj & 1);
            } else if (ly == 0) {
                j = iy >> (20 - k);
                if ((j << (20 - k)) == iy)
                    yisint = 2 - (j & 1);
            }
        }
    }
    if (ly == 0) {
        if (iy == 0x7ff00000) { /* y is +-inf */
            if (((ix - 0x3ff00000) | (int32_t)lx) == 0)
                return y - y;     /* (+-1)^+-inf is NaN */
            if (ix >= 0x3ff00000) /* (|x| > 1)^+-inf = inf, 0 */
                return hy >= 0 ? y : 0.0;
            return hy < 0 ? -y : 0.0; /* (|x| < 1)^-,+inf = inf, 0 */
        }
        if (iy == 0x3ff00000) /* y is +-1 */
            return hy < 0 ? 1.0 / x : x;
        if (hy == 0x40000000) /* y is 2 */
            return x * x;
        if (hy == 0x3fe00000 && hx >= 0) /* y is 0.5, x >= +0 */
            return sqrt(x);
    }
    ax = fabs(x);
    if (lx == 0 && (ix == 0x7ff00000 || ix == 0 || ix == 0x3ff00000)) { /* +-0, +-inf, +-1 */
        z = ax;
        if (hy < 0)
            z = 1.0 / z;
        if (hx < 0) {
            if (((ix - 0x3ff00000) | yisint) == 0)
                z = (z - z) / (z - z); /* (-1)^non-integer is NaN */
            else if (yisint == 1)
                z = -z; /* (x < 0)^odd = -(|x|^odd) */
        }
        return z;
    }
    if (hx < 0 && yisint == 0)
        return (x - x) / (x - x);           /* (x < 0)^non-integer is NaN */
    s = hx < 0 && yisint == 1 ? -1.0 : 1.0; /* (x < 0)^odd integer is negative */
    if (iy > 0x41e00000) {                  /* |y| > 2^31 */
        if (iy > 0x43f00000) {              /* |y| > 2^64: must overflow or underflow */
            if (ix <= 0x3fefffff)
                return hy < 0 ? huge * huge : tiny * tiny;
            if (ix >= 0x3ff00000)
                return hy > 0 ? huge * huge : tiny * tiny;
        }
        /* over- or underflow if x is not close to one */
        if (ix < 0x3fefffff)
            return hy < 0 ? s * huge * huge : s * tiny * tiny;
        if (ix > 0x3ff00000)
            return hy > 0 ? s * huge * huge : s * tiny * tiny;
        /* |1 - x| <= 2^-20: log(x) by x - x^2/2 + x^3/3 - x^4/4 */
        t = ax - 1.0;
        w = (t * t) * (0.5 - t * (0.3333333333333333333333 - t * 0.25));
        u = ivln2_h * t;
        v = t * ivln2_l - w * ivln2;
        t1 = m_lo0(u + v);
        t2 = v - (t1 - u);
    } else {
        double ss, s2, s_h, s_l, t_h, t_l;
        n = 0;
        if (ix < 0x00100000) { /* subnormal x */
            ax *= two53;
            n -= 53;
            ix = m_hi(ax);
        }
        n += (ix >> 20) - 0x3ff;
        j = ix & 0x000fffff;
        ix = j | 0x3ff00000; /* normalize ix */
        if (j <= 0x3988E) {  /* |x| < sqrt(3/2) */
            k = 0;
        } else if (j < 0xBB67A) { /* |x| < sqrt(3) */
            k = 1;
        } else {
            k = 0;
            n += 1;
            ix -= 0x00100000;
        }
        ax = m_with_hi(ax, ix);
        /* ss = s_h + s_l = (x - 1)/(x + 1) or (x - 1.5)/(x + 1.5) */
        u = ax - bp[k];
        v = 1.0 / (ax + bp[k]);
        ss = u * v;
        s_h = m_lo0(ss);
        /* t_h = ax + bp[k], high part */
        t_h = m_from_bits((uint64_t)(uint32_t)(((ix >> 1) | 0x20000000) + 0x00080000 + (k << 18))
                          << 32);
        t_l = ax - (t_h - bp[k]);
        s_l = v * ((u - s_h * t_h) - s_h * t_l);
        /* log(ax) */
        s2 = ss * ss;
        r = s2 * s2 * (L1 + s2 * (L2 + s2 * (L3 + s2 * (L4 + s2 * (L5 + s2 * L6)))));
        r += s_l * (s_h + ss);
        s2 = s_h * s_h;
        t_h = m_lo0(3.0 + s2 + r);
        t_l = r - ((t_h - 3.0) - s2);
        /* u + v = ss*(1 + ...) */
        u = s_h * t_h;
        v = s_l * t_h + t_l * ss;
        /* 2/(3 log2)*(ss + ...) */
        p_h = m_lo0(u + v);
        p_l = v - (p_h - u);
        z_h = cp_h * p_h;
        z_l = cp_l * p_h + p_l * cp + dp_l[k];
        /* log2(ax) = (ss + ...)*2/(3 log2) = n + dp_h + z_h + z_l */
        t = (double)n;
        t1 = m_lo0(((z_h + z_l) + dp_h[k]) + t);
        t2 = z_l - (((t1 - t) - dp_h[k]) - z_h);
    }
    /* (y1 + y2)*(t1 + t2) with y split */
    y1 = m_lo0(y);
    p_l = (y - y1) * t1 + y * t2;
    p_h = y1 * t1;
    z = p_l + p_h;
    j = m_hi(z);
    i = (int32_t)m_lo(z);
    if (j >= 0x40900000) { /* z >= 1024 */
        if (((j - 0x40900000) | i) != 0)
            return s * huge * huge; /* overflow */
        if (p_l + ovt > z - p_h)
            return s * huge * huge;
    } else if ((j & 0x7fffffff) >= 0x4090cc00) { /* z <= -1075 */
        if (((j - (int32_t)0xc090cc00) | i) != 0)
            return s * tiny * tiny; /* underflow */
        if (p_l <= z - p_h)
            return s * tiny * tiny;
    }
    /* 2^(p_h + p_l) */
    i = j & 0x7fffffff;
    k = (i >> 20) - 0x3ff;
    n = 0;
    if (i > 0x3fe00000) { /* |z| > 0.5: n = [z + 0.5] */
        n = j + (0x00100000 >> (k + 1));
        k = ((n & 0x7fffffff) >> 20) - 0x3ff;
        t = m_from_bits((uint64_t)(uint32_t)(n & ~(0x000fffff >> k)) << 32);
        n = ((n & 0x000fffff) | 0x00100000) >> (20 - k);
        if (j < 0)
            n = -n;
        p_h -= t;
    }
    t = m_lo0(p_l + p_h);
    u = t * lg2_h;
    v = (p_l - (t - p_h)) * lg2 + t * lg2_l;
    z = u + v;
    w = v - (z - u);
    t = z * z;
    t1 = z - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
    r = (z * t1) / (t1 - 2.0) - (w + z * w);
    z = 1.0 - (r - z);
    j = m_hi(z);
    j += (int32_t)((uint32_t)n << 20);
    if ((j >> 20) <= 0)
        z = scalbn(z, n); /* subnormal result */
    else
        z = m_with_hi(z, m_hi(z) + (int32_t)((uint32_t)n << 20));
    return s * z;
}

/* ==== The ABI ==== */

double srt_math_exp(double x)
{
    return m_exp(x);
}

double srt_math_ln(double x)
{
    return m_log(x);
}

double srt_math_log10(double x)
{
    return m_log10(x);
}

double srt_math_pow(double x, double y)
{
    return m_pow(x, y);
}

/* Math.signum: 1.0 or -1.0 by the sign, and zeros (keeping their sign) and NaN as they are. */
double srt_math_signum(double x)
{
    if (x == 0.0 || isnan(x))
        return x;
    return copysign(1.0, x);
}

/* ======================================================================
** log2 ... factorial (mathExpressions.scala)
** ====================================================================== */
/* Spark evaluates log2 as StrictMath.log(x) / StrictMath.log(2) (Log2), so with fdlibm's log
   above, and cbrt with StrictMath.cbrt (m_cbrt, fdlibm's s_cbrt.c).  The others call the C
   library (log1p is fdlibm's, m_log1p below): Spark's Cos, Sin, Tan, Acos, Asin, Atan, Cosh, Sinh,
   Tanh, Atan2 and Hypot use java.lang.Math, whose results the JIT's intrinsics may give to within
   an ulp (Java's contract for Math), Expm1 StrictMath (fdlibm); glibc's functions are correctly
   rounded in nearly all cases, so a last-bit difference from a given JVM is possible but
   rare.  NULL for log2 of x <= 0 and log1p of x <= -1 is decided by generated code (class
   DBL_LOG). */

double srt_math_log2(double x)
{
    return m_log(x) / m_log(2.0);
}

/* log1p(x) as StrictMath.log1p, fdlibm's s_log1p.c: 1+x = 2^k * (1+f) with sqrt(2)/2 < 1+f <
   sqrt(2) and a correction c for the rounding of 1+x, then log(1+f) = f - (hfsq - s*(hfsq+R))
   with s = f/(2+f) and R a degree-14 polynomial in s (error < 1 ulp); glibc's log1p is
   correctly rounded instead, so the two can differ in the last bit. */
static double m_log1p(double x)
{
    const double ln2_hi = m_ln2_hi, ln2_lo = m_ln2_lo, two54 = 1.80143985094819840000e+16;
    const double *Lp = m_lg; /* Lp1..Lp7 */
    double f = 0, c = 0, u;
    int32_t hx = m_hi(x), ax = hx & 0x7fffffff, hu = 0, k = 1;
    if (hx < 0x3FDA827A) {    /* x < 0.41422 */
        if (ax >= 0x3ff00000) /* x <= -1.0 */
            return x == -1.0 ? -INFINITY : NAN;
        if (ax < 0x3e200000) /* |x| < 2**-29 */
            return (two54 + x > 0.0 && ax < 0x3c900000) ? x : x - x * x * 0.5;
        if (hx > 0 || hx <= (int32_t)0xbfd2bec3) { /* -0.2929 < x < 0.41422 */
            k = 0;
            f = x;
            hu = 1;
        }
    }
    if (hx >= 0x7ff00000)
        return x + x;
    if (k != 0) {
        if (hx < 0x43400000) {
            u = 1.0 + x;
            hu = m_hi(u);
            k = (hu >> 20) - 1023;
            c = (k > 0) ? 1.0 - (u - x) : x - (u - 1.0); /* correction term */
            c /= u;
        } else {
            u = x;
            hu = m_hi(u);
            k = (hu >> 20) - 1023;
            c = 0;
        }
        hu &= 0x000fffff;
        if (hu < 0x6a09e) {
            u = m_with_hi(u, hu | 0x3ff00000); /* normalize u */
        } else {
            k += 1;
            u = m_with_hi(u, hu | 0x3fe00000); /* normalize u/2 */
            hu = (0x00100000 - hu) >> 2;
        }
        f = u - 1.0;
    }
    double hfsq = 0.5 * f * f, R;
    if (hu == 0) { /* |f| < 2**-20 */
        if (f == 0.0)
            return k == 0 ? 0.0 : k * ln2_hi + (c + k * ln2_lo);
        R = hfsq * (1.0 - 0.66666666666666666 * f);
        return k == 0 ? f - R : k * ln2_hi - ((R - (k * ln2_lo + c)) - f);
    }
    double s = f / (2.0 + f), z = s * s;
    R = z *
        (Lp[0] + z * (Lp[1] + z * (Lp[2] + z * (Lp[3] + z * (Lp[4] + z * (Lp[5] + z * Lp[6]))))));
    if (k == 0)
        return f - (hfsq - s * (hfsq + R));
    return k * ln2_hi - ((hfsq - (s * (hfsq + R) + (k * ln2_lo + c))) - f);
}

double srt_math_log1p(double x)
{
    return m_log1p(x);
}

/* srt_math_<f>(x): the C library's f (acos and asin of |x| > 1 are NaN, as in Java). */
#define M_LIBM(f)                                                                                  \
    double srt_math_##f(double x)                                                                  \
    {                                                                                              \
        return f(x);                                                                               \
    }
M_LIBM(expm1)
M_LIBM(cos)
M_LIBM(sin)
M_LIBM(tan)
M_LIBM(acos)
M_LIBM(asin)
M_LIBM(atan)
M_LIBM(cosh)
M_LIBM(sinh)
M_LIBM(tanh)
#undef M_LIBM

/* Math.cbrt is StrictMath.cbrt, fdlibm's s_cbrt.c: a 5-bit guess from the exponent, a
   rational step to 23 bits, then one Newton step (error < 0.667 ulp); glibc's cbrt differs
   (cbrt(-27.0) is -3.0000000000000004 there, -3.0 in Java). */
static double m_cbrt(double x)
{
    const uint32_t B1 = 715094163, B2 = 696219795;
    const double C = 5.42857142857142815906e-01, D = -7.05306122448979611050e-01,
                 E = 1.41428571428571436819e+00, F = 1.60714285714285720630e+00,
                 G = 3.57142857142857150787e-01;
    int32_t hx = m_hi(x);
    uint32_t sign = (uint32_t)hx & 0x80000000u;
    hx &= 0x7fffffff;
    if (hx >= 0x7ff00000)
        return x + x; /* NaN, infinities */
    if ((hx | (int32_t)m_lo(x)) == 0)
        return x;         /* +-0 */
    x = m_with_hi(x, hx); /* |x| */
    double t = 0.0, r, s, w;
    if (hx < 0x00100000) {            /* subnormal */
        t = m_with_hi(t, 0x43500000); /* 2^54 */
        t *= x;
        t = m_with_hi(t, (int32_t)((uint32_t)m_hi(t) / 3 + B2));
    } else {
        t = m_with_hi(t, (int32_t)((uint32_t)hx / 3 + B1));
    }
    r = t * t / x;
    s = C + r * t;
    t *= G + F / (s + E + D / s);
    t = m_with_hi(m_lo0(t), m_hi(t) + 1); /* 20 bits, made larger than cbrt(x) */
    s = t * t;
    r = x / s;
    w = t + t;
    r = (r - t) / (w + r);
    t = t + t * r;
    return m_with_hi(t, (int32_t)((uint32_t)m_hi(t) | sign));
}

double srt_math_cbrt(double x)
{
    return m_cbrt(x);
}

double srt_math_cot(double x)
{
    return 1.0 / tan(x); /* Cot: 1 / math.tan(x), so cot(0) is Infinity */
}

double srt_math_degrees(double x)
{
    return x * 57.29577951308232; /* Math.toDegrees (Java 9+): angrad * RADIANS_TO_DEGREES */
}

double srt_math_radians(double x)
{
    return x * 0.017453292519943295; /* Math.toRadians: angdeg * DEGREES_TO_RADIANS */
}

double srt_math_atan2(double y, double x)
{
    return atan2(y + 0.0, x + 0.0); /* Atan2: "+ 0.0 to make -0.0 into 0.0" */
}

double srt_math_hypot(double x, double y)
{
    return hypot(x, y);
}

double srt_math_pi(void)
{
    return 3.141592653589793; /* Math.PI */
}

double srt_math_e(void)
{
    return 2.718281828459045; /* Math.E */
}

int64_t srt_math_factorial(int32_t n)
{
    /* Factorial: n! for 0 <= n <= 20 (NULL outside, decided by generated code) */
    int64_t f = 1;
    for (int32_t i = 2; i <= n && i <= 20; i++)
        f *= i;
    return f;
}

/* ======================================================================
** acosh ... csc (mathExpressions.scala)
** ====================================================================== */
/* Acosh, Asinh and Atanh are Spark's own formulas over StrictMath (fdlibm) and Math.sqrt, not
   the C library's acosh/asinh/atanh, and Sec and Csc are 1 / Math.cos and 1 / Math.sin, so
   the results are Java's bit for bit where the formulas are: acosh(0) is NaN, asinh(-1e10)
   is -Infinity (x + sqrt(x*x + 1) rounds to 0), asinh(-0.0) is 0.0. */

double srt_math_acosh(double x)
{
    return m_log(x + sqrt(x * x - 1.0)); /* Acosh: StrictMath.log(x + sqrt(x * x - 1.0)) */
}

double srt_math_asinh(double x)
{
    /* Asinh: -Infinity for -Infinity, else StrictMath.log(x + sqrt(x * x + 1.0)) */
    return x == -INFINITY ? x : m_log(x + sqrt(x * x + 1.0));
}

double srt_math_atanh(double x)
{
    /* Atanh (SPARK-28519): 0.5 * (StrictMath.log1p(x) - StrictMath.log1p(-x)) */
    return 0.5 * (m_log1p(x) - m_log1p(-x));
}

double srt_math_sec(double x)
{
    return 1.0 / cos(x); /* Sec: 1 / math.cos(x) */
}

double srt_math_csc(double x)
{
    return 1.0 / sin(x); /* Csc: 1 / math.sin(x) */
}
