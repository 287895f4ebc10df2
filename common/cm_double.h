/* cm_double.h - decimal text to the nearest double, exactly, without strtod for the usual numbers. */
/*
** Spark's readers parse a DOUBLE with Java's Double.parseDouble (Jackson's for JSON), which
** rounds correctly: to the double nearest the decimal value, ties to even.  So does glibc's
** strtod, but slowly (arbitrary precision) for the 16 to 19 significant digits of a double
** written out in full (0.30000000000000004).  Shared by the JSON reader (srt_json.c) and the
** CSV one (cm_csv_lex.c):
**   - cm_decimal_scan reads [-|+]digits[.digits][(e|E)[+|-]digits] (validated by the caller)
**     into its first 19 significant digits m, a power of ten and whether a nonzero digit was
**     left out;
**   - cm_decimal_double converts that exactly when it can (1), else leaves it to strtod (0):
**     Clinger's fast path (m <= 2^53 and |e10| <= 22: one correctly rounded multiplication
**     or division of exact doubles), then 128-bit integers for m < 2^64 and |e10| <= 19.
*/
#ifndef CM_DOUBLE_H
#define CM_DOUBLE_H

#include <math.h>
#include <stdint.h>

typedef struct CmDecimal {
    int neg;
    uint64_t m;          /* the first 19 significant digits */
    long e10;            /* the value is m * 10^e10 (plus what was left out) */
    int nonzero_dropped; /* a nonzero digit after the 19th was left out */
} CmDecimal;

static inline int cm_decimal_digit(char c)
{
    return c >= '0' && c <= '9';
}

static inline void cm_decimal_scan(const char *s, const char *end, CmDecimal *d)
{
    d->neg = 0;
    if (s < end && (*s == '-' || *s == '+'))
        d->neg = *s++ == '-';
    uint64_t m = 0;
    int nd = 0;      /* significant digits consumed into m */
    long dropped = 0; /* digits not consumed (too many) before the point */
    long frac = 0;    /* digits after the point consumed */
    int nonzero_dropped = 0;
    for (; s < end && cm_decimal_digit(*s); s++) {
        if (m == 0 && *s == '0')
            continue;
        if (nd < 19) {
            m = m * 10 + (uint64_t)(*s - '0');
            nd++;
        } else {
            dropped++;
            nonzero_dropped |= *s != '0';
        }
    }
    if (s < end && *s == '.') {
        for (s++; s < end && cm_decimal_digit(*s); s++) {
            if (m == 0 && *s == '0') {
                frac++;
                continue;
            }
            if (nd < 19) {
                m = m * 10 + (uint64_t)(*s - '0');
                nd++;
                frac++;
            } else {
                nonzero_dropped |= *s != '0';
            }
        }
    }
    long e = 0;
    if (s < end && (*s == 'e' || *s == 'E')) {
        int eneg = 0;
        s++;
        if (s < end && (*s == '+' || *s == '-'))
            eneg = *s++ == '-';
        for (; s < end && cm_decimal_digit(*s); s++)
            if (e < 100000)
                e = e * 10 + (*s - '0');
        if (eneg)
            e = -e;
    }
    d->m = m;
    d->e10 = e - frac + dropped;
    d->nonzero_dropped = nonzero_dropped;
}

/* The number of leading zero bits of v (not 0). */
static inline int cm_clz128(unsigned __int128 v)
{
    uint64_t hi = (uint64_t)(v >> 64);
    return hi ? __builtin_clzll(hi) : 64 + __builtin_clzll((uint64_t)v);
}

/* m * 10^e10 rounded to the nearest double, ties to even, for 0 < m < 2^64 and |e10| <= 19:
   10^|e10| < 2^64, so the product m * 10^e10, or the quotient m * 2^k / 10^-e10 (m shifted
   to the top of 128 bits) with its remainder as a sticky bit, is an integer of at least 64
   bits holding every bit the rounding needs.  The values lie between 1e-19 and 2^64 * 1e19,
   far from the subnormals and from overflow. */
static inline double cm_exact_double(uint64_t m, int e10)
{
    static const uint64_t pow10[20] = {1ull, 10ull, 100ull, 1000ull, 10000ull, 100000ull, 1000000ull,
                                       10000000ull, 100000000ull, 1000000000ull, 10000000000ull,
                                       100000000000ull, 1000000000000ull, 10000000000000ull,
                                       100000000000000ull, 1000000000000000ull, 10000000000000000ull,
                                       100000000000000000ull, 1000000000000000000ull,
                                       10000000000000000000ull};
    unsigned __int128 v;
    int scale = 0, sticky = 0;
    if (e10 >= 0) {
        v = (unsigned __int128)m * pow10[e10];
    } else {
        int k = 64 + __builtin_clzll(m);
        unsigned __int128 n = (unsigned __int128)m << k;
        uint64_t d = pow10[-e10];
        v = n / d;
        sticky = n - v * d != 0;
        scale = -k;
    }
    int len = 128 - cm_clz128(v);
    if (len <= 53) /* exact (only a product can be this short) */
        return ldexp((double)(uint64_t)v, scale);
    int shift = len - 53;
    unsigned __int128 rest = v & (((unsigned __int128)1 << shift) - 1);
    unsigned __int128 half = (unsigned __int128)1 << (shift - 1);
    uint64_t mant = (uint64_t)(v >> shift);
    if (rest > half || (rest == half && (sticky || (mant & 1)))) {
        if (++mant == (1ull << 53)) {
            mant >>= 1;
            shift++;
        }
    }
    return ldexp((double)mant, shift + scale);
}

/* The double nearest d into *out and 1, or 0 when strtod must decide. */
static inline int cm_decimal_double(const CmDecimal *d, double *out)
{
    static const double pow10[23] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
                                     1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
    double v;
    if (d->m == 0)
        v = 0.0;
    else if (d->nonzero_dropped)
        return 0;
    else if (d->m <= (1ull << 53) && d->e10 >= -22 && d->e10 <= 22)
        v = d->e10 < 0 ? (double)d->m / pow10[-d->e10] : (double)d->m * pow10[d->e10];
    else if (d->e10 >= -19 && d->e10 <= 19)
        v = cm_exact_double(d->m, (int)d->e10);
    else
        return 0;
    *out = d->neg ? -v : v;
    return 1;
}

#endif
