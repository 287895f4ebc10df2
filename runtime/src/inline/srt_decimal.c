/* srt_decimal.c - DECIMAL(p, s) values as Spark computes them: arithmetic, rounding, parsing, printing.
**
** A DECIMAL(p, s) value is its unscaled value, a signed 128-bit integer v with |v| < 10^p;
** the value is v / 10^s.  Every operation computes the exact result (or, where Spark
** rounds first, Spark's intermediate) in 256 bits of magnitude and then changes it to the
** result's precision and scale as Spark's Decimal.changePrecision does: rounding HALF_UP,
** and "overflow" (SRT_DEC_NONE returned, the caller's NULL: spark.sql.ansi.enabled=false) when the
** rounded value needs more than p digits.  Spark's references: sql/api/.../types/Decimal.scala
** (+, -, *, /, %, changePrecision, fromString, toString, toPlainString, toDouble, toLong).
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/cm_text.h"
#include "srt_abi.h"

typedef unsigned __int128 u128;

/* A magnitude of 256 bits, four 64-bit limbs, least significant first. */
typedef struct U256 {
    uint64_t w[4];
} U256;

static U256 u_of(u128 x)
{
    U256 r = {{(uint64_t)x, (uint64_t)(x >> 64), 0, 0}};
    return r;
}

static int u_is_zero(U256 a)
{
    return (a.w[0] | a.w[1] | a.w[2] | a.w[3]) == 0;
}

static int u_cmp(U256 a, U256 b)
{
    for (int i = 3; i >= 0; i--)
        if (a.w[i] != b.w[i])
            return a.w[i] < b.w[i] ? -1 : 1;
    return 0;
}

/* a * m; returns 0 if the product needs more than 256 bits. */
static int u_mul_small(U256 *a, uint64_t m)
{
    u128 carry = 0;
    for (int i = 0; i < 4; i++) {
        u128 t = (u128)a->w[i] * m + carry;
        a->w[i] = (uint64_t)t;
        carry = t >> 64;
    }
    return carry == 0;
}

static int u_add(U256 *a, U256 b)
{
    u128 carry = 0;
    for (int i = 0; i < 4; i++) {
        u128 t = (u128)a->w[i] + b.w[i] + carry;
        a->w[i] = (uint64_t)t;
        carry = t >> 64;
    }
    return carry == 0;
}

/* a - b for a >= b. */
static void u_sub(U256 *a, U256 b)
{
    uint64_t borrow = 0;
    for (int i = 0; i < 4; i++) {
        uint64_t x = a->w[i], y = b.w[i];
        uint64_t d = x - y - borrow;
        borrow = (x < y) || (x - y < borrow);
        a->w[i] = d;
    }
}

static void u_shl1(U256 *a)
{
    for (int i = 3; i > 0; i--)
        a->w[i] = (a->w[i] << 1) | (a->w[i - 1] >> 63);
    a->w[0] <<= 1;
}

/* q = a / b, r = a % b (b != 0), by shift and subtract. */
static void u_divmod(U256 a, U256 b, U256 *q, U256 *r)
{
    U256 qq = {{0, 0, 0, 0}}, rr = {{0, 0, 0, 0}};
    for (int bit = 255; bit >= 0; bit--) {
        u_shl1(&rr);
        rr.w[0] |= (a.w[bit / 64] >> (bit % 64)) & 1;
        if (u_cmp(rr, b) >= 0) {
            u_sub(&rr, b);
            qq.w[bit / 64] |= (uint64_t)1 << (bit % 64);
        }
    }
    *q = qq;
    *r = rr;
}

/* 10^k for 0 <= k <= 77 (10^77 < 2^256). */
static U256 u_pow10(int k)
{
    U256 r = u_of(1);
    for (; k >= 19; k -= 19)
        u_mul_small(&r, 10000000000000000000ull);
    static const uint64_t small[19] = {1ull, 10ull, 100ull, 1000ull, 10000ull, 100000ull, 1000000ull,
                                       10000000ull, 100000000ull, 1000000000ull, 10000000000ull,
                                       100000000000ull, 1000000000000ull, 10000000000000ull,
                                       100000000000000ull, 1000000000000000ull, 10000000000000000ull,
                                       100000000000000000ull, 1000000000000000000ull};
    u_mul_small(&r, small[k]);
    return r;
}

/* The number of decimal digits of a (1 for 0). */
static int u_digits(U256 a)
{
    int n = 1;
    while (n < 78 && u_cmp(a, u_pow10(n)) >= 0)
        n++;
    return n;
}

/* Spark's changePrecision(p, s, ROUND_HALF_UP) of the value (neg ? -mag : mag) / 10^from_s:
   the unscaled value at scale s, or SRT_DEC_NONE if it needs more than p digits. */
static srt_i128 finish(U256 mag, int neg, int from_s, int p, int s)
{
    if (s >= from_s) {
        int k = s - from_s;
        /* mag * 10^k < 10^p  <=>  mag < 10^(p - k) */
        if (!u_is_zero(mag) && (p - k <= 0 || u_cmp(mag, u_pow10(p - k)) >= 0))
            return SRT_DEC_NONE;
        for (int i = 0; i < k; i++)
            u_mul_small(&mag, 10);
    } else {
        int k = from_s - s;
        if (k > 76) {
            mag = u_of(0); /* every magnitude here is below 2 * 10^76: rounds to 0 */
        } else {
            U256 d = u_pow10(k), q, r;
            u_divmod(mag, d, &q, &r);
            U256 twice = r;
            u_shl1(&twice); /* r < 10^77, so 2r fits */
            if (u_cmp(twice, d) >= 0)
                u_add(&q, u_of(1));
            mag = q;
        }
        if (u_cmp(mag, u_pow10(p)) >= 0)
            return SRT_DEC_NONE;
    }
    u128 m = (u128)mag.w[0] | ((u128)mag.w[1] << 64);
    return neg ? -(srt_i128)m : (srt_i128)m;
}

static U256 u_abs(srt_i128 v, int *neg)
{
    *neg = v < 0;
    return u_of(v < 0 ? -(u128)v : (u128)v);
}

srt_i128 srt_dec_rescale(srt_i128 v, int32_t from_s, int32_t p, int32_t s)
{
    int neg;
    U256 m = u_abs(v, &neg);
    return finish(m, neg, from_s, p, s);
}

/* Decimal.+ / -: exact at the larger scale (both magnitudes < 10^38, scaled by at most
   10^38, so the sum is below 2 * 10^76). */
srt_i128 srt_dec_add(srt_i128 a, srt_i128 b, int32_t sa, int32_t sb, int32_t p, int32_t s)
{
    int na, nb;
    U256 ma = u_abs(a, &na), mb = u_abs(b, &nb);
    int sc = sa > sb ? sa : sb;
    for (int i = sa; i < sc; i++)
        u_mul_small(&ma, 10);
    for (int i = sb; i < sc; i++)
        u_mul_small(&mb, 10);
    if (na == nb) {
        u_add(&ma, mb);
        return finish(ma, na, sc, p, s);
    }
    if (u_cmp(ma, mb) >= 0) {
        u_sub(&ma, mb);
        return finish(ma, na, sc, p, s);
    }
    u_sub(&mb, ma);
    return finish(mb, nb, sc, p, s);
}

/* Decimal.*: the exact product rounded HALF_UP to 38 significant digits (Spark's
   MATH_CONTEXT), then changed to (p, s). */
srt_i128 srt_dec_mul(srt_i128 a, srt_i128 b, int32_t sa, int32_t sb, int32_t p, int32_t s)
{
    int na, nb;
    U256 ma = u_abs(a, &na), mb = u_abs(b, &nb);
    /* schoolbook 128 x 128 on 64-bit limbs */
    U256 r = {{0, 0, 0, 0}};
    for (int i = 0; i < 2; i++) {
        u128 carry = 0;
        for (int j = 0; j < 2; j++) {
            u128 t = (u128)ma.w[i] * mb.w[j] + r.w[i + j] + carry;
            r.w[i + j] = (uint64_t)t;
            carry = t >> 64;
        }
        r.w[i + 2] = (uint64_t)carry;
    }
    int sc = sa + sb;
    int nd = u_digits(r);
    if (nd > 38) {
        int k = nd - 38;
        U256 d = u_pow10(k), q, rem;
        u_divmod(r, d, &q, &rem);
        u_shl1(&rem);
        if (u_cmp(rem, d) >= 0)
            u_add(&q, u_of(1));
        r = q;
        sc -= k;
    }
    return finish(r, na != nb, sc, p, s);
}

/* Decimal./: the quotient rounded HALF_UP at scale 38 (BigDecimal.divide(that, 38,
   HALF_UP)), then changed to (p, s).  SRT_DEC_NONE (NULL) for a zero divisor. */
srt_i128 srt_dec_div(srt_i128 a, srt_i128 b, int32_t sa, int32_t sb, int32_t p, int32_t s)
{
    if (b == 0)
        return SRT_DEC_NONE;
    int na, nb;
    U256 n = u_abs(a, &na), d = u_abs(b, &nb);
    /* a / 10^sa / (b / 10^sb) = (a * 10^sb) / (b * 10^sa); both below 10^76 */
    for (int i = 0; i < sb; i++)
        u_mul_small(&n, 10);
    for (int i = 0; i < sa; i++)
        u_mul_small(&d, 10);
    U256 q, r;
    u_divmod(n, d, &q, &r);
    if (u_cmp(q, u_pow10(38)) >= 0) /* no DECIMAL holds its integral part */
        return SRT_DEC_NONE;
    for (int i = 0; i < 38; i++) { /* one more digit of the quotient: r < d < 10^76 */
        u_mul_small(&r, 10);
        uint64_t digit = 0;
        while (u_cmp(r, d) >= 0) {
            u_sub(&r, d);
            digit++;
        }
        u_mul_small(&q, 10);
        u_add(&q, u_of(digit));
    }
    u_shl1(&r);
    if (u_cmp(r, d) >= 0)
        u_add(&q, u_of(1));
    return finish(q, na != nb, 38, p, s);
}

/* v / 10^s times m as Scala's BigDecimal computes it (MathContext.DECIMAL128: the product
   rounded HALF_EVEN to 34 significant digits; ctx 0: the value itself, no product), then
   setScale(0, HALF_UP): 0 with *out, or -1 when that is beyond a long (IntervalUtils'
   decimalToDayTimeInterval, decimalToYearMonthInterval). */
int srt_dec_times_long(srt_i128 v, int32_t s, int64_t m, int32_t ctx, int64_t *out)
{
    int neg, nm = m < 0;
    U256 r = u_abs(v, &neg);
    if (ctx) {
        u_mul_small(&r, nm ? -(uint64_t)m : (uint64_t)m); /* < 10^38 * 2^63 */
        int nd = u_digits(r);
        if (nd > 34) { /* HALF_EVEN to 34 digits */
            int k = nd - 34;
            U256 d = u_pow10(k), q, rem;
            u_divmod(r, d, &q, &rem);
            u_shl1(&rem);
            int c = u_cmp(rem, d);
            if (c > 0 || (c == 0 && (q.w[0] & 1)))
                u_add(&q, u_of(1));
            r = q;
            s -= k;
        }
    }
    while (s < 0) {
        if (!u_mul_small(&r, 10))
            return -1;
        s++;
    }
    srt_i128 x = finish(r, neg != nm, s, 38, 0);
    if (x == SRT_DEC_NONE || x > INT64_MAX || x < INT64_MIN)
        return -1;
    *out = (int64_t)x;
    return 0;
}

/* Whether BigDecimal.divideToIntegralValue(b, MathContext(38, HALF_UP)) throws "Division
   impossible" for the integral quotient quo: it divides to 38 digits rounded DOWN, and throws
   when that is not the whole integral part, that is when quo has a nonzero digit past its 38
   most significant ones (Decimal.quot, Decimal.%). */
static int quot_impossible(U256 quo)
{
    U256 lim = u_pow10(38), ten = u_of(10), q, r;
    while (u_cmp(quo, lim) >= 0) {
        u_divmod(quo, ten, &q, &r);
        if (!u_is_zero(r))
            return 1;
        quo = q;
    }
    return 0;
}

srt_i128 srt_dec_quot(srt_i128 a, srt_i128 b, SrtQuery *q, int32_t sa, int32_t sb, int32_t p)
{
    /* Decimal.quot: BigDecimal.divideToIntegralValue(b, MathContext(38, HALF_UP)), the
       integral part of a / b (truncated toward zero); then IntegralDivide's
       checkDecimalOverflow to DECIMAL(p, 0). */
    if (b == 0)
        return SRT_DEC_NONE;
    int na, nb;
    U256 n = u_abs(a, &na), d = u_abs(b, &nb), quo, rem;
    for (int i = 0; i < sb; i++) /* (a * 10^sb) / (b * 10^sa), as srt_dec_div */
        u_mul_small(&n, 10);
    for (int i = 0; i < sa; i++)
        u_mul_small(&d, 10);
    u_divmod(n, d, &quo, &rem);
    if (quot_impossible(quo)) {
        srt_query_fail(q, "div: java.lang.ArithmeticException: Division impossible");
        return SRT_DEC_NONE;
    }
    return finish(quo, na != nb && !u_is_zero(quo), 0, p, 0);
}

/* Decimal.% (pmod = 0): BigDecimal.remainder(b, MathContext(38, HALF_UP)), the exact
   remainder at the larger scale with the sign of the dividend, which fails the query as
   divideToIntegralValue does (quot_impossible); with pmod = 1 Pmod's decimal case
   (arithmetic.scala): r = a % n, and (r + n) % n when r < 0.  Then changed to (p, s);
   SRT_DEC_NONE for a zero divisor. */
static srt_i128 dec_rem(srt_i128 a, srt_i128 b, SrtQuery *qry, int32_t sa, int32_t sb, int32_t p,
                        int32_t s, int pmod)
{
    if (b == 0)
        return SRT_DEC_NONE;
    int na, nb;
    U256 ma = u_abs(a, &na), mb = u_abs(b, &nb), q, r;
    int sc = sa > sb ? sa : sb;
    for (int i = sa; i < sc; i++)
        u_mul_small(&ma, 10);
    for (int i = sb; i < sc; i++)
        u_mul_small(&mb, 10);
    u_divmod(ma, mb, &q, &r);
    if (quot_impossible(q)) {
        srt_query_fail(qry, pmod ? "pmod: java.lang.ArithmeticException: Division impossible"
                                 : "%: java.lang.ArithmeticException: Division impossible");
        return SRT_DEC_NONE;
    }
    int neg = na && !u_is_zero(r);
    if (pmod && neg && !nb) { /* -|b| < r < 0 < b: (r + b) % b is b - |r| */
        u_sub(&mb, r);
        r = mb;
        neg = 0;
    } /* with b < 0, (r + b) % b is r again */
    return finish(r, neg, sc, p, s);
}

srt_i128 srt_dec_rem(srt_i128 a, srt_i128 b, SrtQuery *q, int32_t sa, int32_t sb, int32_t p,
                     int32_t s)
{
    return dec_rem(a, b, q, sa, sb, p, s, 0);
}

srt_i128 srt_dec_pmod(srt_i128 a, srt_i128 b, SrtQuery *q, int32_t sa, int32_t sb, int32_t p,
                      int32_t s)
{
    return dec_rem(a, b, q, sa, sb, p, s, 1);
}

/* The value at scale from_s rounded to scale to_s (negative: tens, hundreds, ...) by mode,
   then at scale max(to_s, 0): Decimal.toPrecision / BigDecimal.setScale as Spark's
   RoundBase, Floor and Ceil use them.  SRT_DEC_NONE if the result needs more than p digits. */
srt_i128 srt_dec_round(srt_i128 v, int32_t from_s, int32_t to_s, int32_t mode, int32_t p)
{
    int neg;
    U256 m = u_abs(v, &neg);
    if (to_s < from_s) {
        int64_t k = (int64_t)from_s - to_s;
        U256 q = u_of(0), r = m, d = u_of(0);
        int beyond = k > 76; /* every magnitude is below 10^38: the quotient is 0 */
        if (!beyond) {
            d = u_pow10((int)k);
            u_divmod(m, d, &q, &r);
        }
        int up = 0;
        switch (mode) {
        case SRT_DEC_HALF_UP:
        case SRT_DEC_HALF_EVEN:
            if (!beyond) {
                U256 twice = r;
                u_shl1(&twice); /* r < 10^76, so 2r fits */
                int c = u_cmp(twice, d);
                up = mode == SRT_DEC_HALF_UP ? c >= 0 : c > 0 || (c == 0 && (q.w[0] & 1));
            }
            break;
        case SRT_DEC_FLOOR:
            up = neg && !u_is_zero(r);
            break;
        case SRT_DEC_CEILING:
            up = !neg && !u_is_zero(r);
            break;
        }
        if (up)
            u_add(&q, u_of(1));
        m = q;
        from_s = to_s;
    }
    int s = to_s > 0 ? to_s : 0;
    if (u_is_zero(m))
        neg = 0;
    /* from_s <= s here: m * 10^(s - from_s) must stay below 10^p */
    if (!u_is_zero(m) && ((int64_t)s - from_s >= p || u_digits(m) + (s - from_s) > p))
        return SRT_DEC_NONE;
    for (int i = from_s; i < s; i++)
        u_mul_small(&m, 10);
    u128 w = (u128)m.w[0] | ((u128)m.w[1] << 64);
    return neg ? -(srt_i128)w : (srt_i128)w;
}

int srt_dec_cmp(srt_i128 a, srt_i128 b)
{
    return a < b ? -1 : a > b;
}

/* Java's BigDecimal(String) grammar on s[0, n): [+-] digits [. digits] [eE [+-] digits],
   at least one digit in the mantissa; then changePrecision(p, s) HALF_UP.  Returns 1 with
   *out set, 0 if the value needs more than p digits, -1 if the text is not a number.
   Only the first digit dropped by the rounding matters to HALF_UP, so digits past it are
   read but not kept. */
static int dec_parse(const char *t, uint32_t n, int32_t p, int32_t s, srt_i128 *out)
{
    const char *e = t + n, *c = t;
    int neg = 0;
    if (c < e && (*c == '+' || *c == '-'))
        neg = *c++ == '-';
    const char *mant = c, *dot = NULL;
    int nd = 0;
    for (; c < e; c++) {
        if (*c >= '0' && *c <= '9')
            nd++;
        else if (*c == '.' && !dot)
            dot = c;
        else
            break;
    }
    const char *mant_end = c;
    if (nd == 0)
        return -1;
    long long exp = 0;
    if (c < e && (*c == 'e' || *c == 'E')) {
        c++;
        int eneg = 0;
        if (c < e && (*c == '+' || *c == '-'))
            eneg = *c++ == '-';
        if (c == e)
            return -1;
        for (; c < e && *c >= '0' && *c <= '9'; c++)
            if (exp < 1000000000LL)
                exp = exp * 10 + (*c - '0');
        if (eneg)
            exp = -exp;
    }
    if (c != e)
        return -1;
    /* value = mantissa digits * 10^-(frac - exp); keep the digits at scale s */
    long long frac = dot ? (long long)(mant_end - dot - 1) : 0;
    long long shift = (long long)s - (frac - exp); /* > 0: append zeros; < 0: drop digits */
    long long keep = nd + (shift < 0 ? shift : 0); /* mantissa digits kept */
    U256 mag = u_of(0);
    int sig = 0, round_up = 0;
    long long i = 0;
    for (const char *d = mant; d < mant_end; d++) {
        if (*d == '.')
            continue;
        int digit = *d - '0';
        if (i < keep) {
            if (sig || digit) {
                if (++sig > 39)
                    return 0; /* more than 38 digits before the rounding */
                u_mul_small(&mag, 10);
                u_add(&mag, u_of((u128)digit));
            }
        } else if (i == keep) {
            round_up = digit >= 5;
        }
        i++;
    }
    if (shift > 0 && !u_is_zero(mag)) {
        if (shift > 77)
            return 0;
        for (long long k = 0; k < shift; k++)
            if (!u_mul_small(&mag, 10))
                return 0;
    }
    if (round_up)
        u_add(&mag, u_of(1));
    if (u_cmp(mag, u_pow10(p)) >= 0)
        return 0;
    u128 m = (u128)mag.w[0] | ((u128)mag.w[1] << 64);
    *out = neg ? -(srt_i128)m : (srt_i128)m;
    return 1;
}

/* java.math.BigDecimal(String) and then Decimal(bd, p, s): dec_parse after the other decimal
   digits BigDecimal reads (Character.digit: cm_java_digit) became ASCII ones, and without the
   commas when no_commas (ExprUtils.getDecimalParser's replaceAll(",", "")).  1 ok, 0 too many
   digits, -1 not a number. */
static int dec_parse_java(const char *t, uint32_t n, int32_t p, int32_t s, bool no_commas,
                          srt_i128 *out)
{
    char buf[128];
    bool wide = false;
    for (uint32_t i = 0; i < n && !wide; i++)
        wide = (no_commas && t[i] == ',') || (unsigned char)t[i] >= 0x80;
    if (wide) {
        uint32_t k = 0;
        size_t len;
        for (uint32_t i = 0; i < n; i += (uint32_t)len) {
            int d = cm_java_digit(t + i, n - i, &len);
            if (d < 0)
                len = 1;
            if (no_commas && t[i] == ',')
                continue;
            if (k == sizeof buf)
                return -1;
            buf[k++] = d < 0 ? t[i] : (char)('0' + d);
        }
        t = buf;
        n = k;
    }
    return dec_parse(t, n, p, s, out);
}

/* CAST(string AS DECIMAL(p, s)) (Decimal.fromString: Java's String.trim, then BigDecimal). */
int srt_cast_str_dec(const char *t, uint32_t n, int32_t p, int32_t s, srt_i128 *out)
{
    while (n > 0 && (unsigned char)*t <= ' ') {
        t++;
        n--;
    }
    while (n > 0 && (unsigned char)t[n - 1] <= ' ')
        n--;
    return dec_parse_java(t, n, p, s, false, out) == 1 ? 0 : -1;
}

/* A JSON or CSV field read as DECIMAL(p, s) (Spark's ExprUtils.getDecimalParser for the
   default locale: `new BigDecimal(s.replaceAll(",", ""))`, then Decimal(bd, p, s)): 1 ok, 0
   too many digits, -1 not a number. */
int srt_text_dec(const char *t, uint32_t n, int32_t p, int32_t s, srt_i128 *out)
{
    return dec_parse_java(t, n, p, s, true, out);
}

/* CAST(double AS DECIMAL(p, s)): Spark's Decimal(d) is scala's BigDecimal(d), the text of
   Double.toString; NaN and infinities are NULL (SRT_DEC_NONE). */
srt_i128 srt_dec_from_f64(double d, int32_t p, int32_t s)
{
    if (d != d || d - d != 0)
        return SRT_DEC_NONE;
    char buf[40];
    uint32_t n = srt_fmt_double(d, buf);
    srt_i128 v;
    return dec_parse(buf, n, p, s, &v) == 1 ? v : SRT_DEC_NONE;
}

int srt_dec_digits(srt_i128 v, char *out)
{
    u128 m = v < 0 ? -(u128)v : (u128)v;
    char tmp[40];
    int n = 0;
    do {
        tmp[n++] = (char)('0' + (int)(m % 10));
        m /= 10;
    } while (m);
    for (int i = 0; i < n; i++)
        out[i] = tmp[n - 1 - i];
    return n;
}

uint32_t srt_fmt_decimal(srt_i128 v, int32_t s, int plain, char *out)
{
    char dg[40];
    int nd = srt_dec_digits(v, dg);
    uint32_t k = 0;
    if (v < 0)
        out[k++] = '-';
    int adjusted = -s + (nd - 1);
    if (!plain && adjusted < -6) { /* BigDecimal.toString's scientific notation */
        out[k++] = dg[0];
        if (nd > 1) {
            out[k++] = '.';
            memcpy(out + k, dg + 1, (size_t)(nd - 1));
            k += (uint32_t)(nd - 1);
        }
        k += (uint32_t)snprintf(out + k, 16, "E%d", adjusted);
        return k;
    }
    if (s == 0) {
        memcpy(out + k, dg, (size_t)nd);
        return k + (uint32_t)nd;
    }
    if (nd > s) {
        memcpy(out + k, dg, (size_t)(nd - s));
        k += (uint32_t)(nd - s);
        out[k++] = '.';
        memcpy(out + k, dg + nd - s, (size_t)s);
        return k + (uint32_t)s;
    }
    out[k++] = '0';
    out[k++] = '.';
    for (int i = 0; i < s - nd; i++)
        out[k++] = '0';
    memcpy(out + k, dg, (size_t)nd);
    return k + (uint32_t)nd;
}

void srt_cast_dec_str(SrtQuery *q, srt_i128 v, int32_t s, const char **out, uint32_t *out_n)
{
    char *o = srt_scratch_alloc(q, SRT_DECIMAL_TEXT);
    *out_n = srt_fmt_decimal(v, s, 0, o);
    *out = o;
}

/* The exact value as [+-]digits e-s, for strtod and strtof. */
static void dec_exp_text(srt_i128 v, int32_t s, char buf[SRT_DECIMAL_TEXT + 8])
{
    int n = srt_dec_digits(v, buf + 1);
    buf[0] = v < 0 ? '-' : '+';
    snprintf(buf + 1 + n, SRT_DECIMAL_TEXT + 7 - (size_t)n, "e%d", (int)-s);
}

/* Decimal.toDouble (BigDecimal.doubleValue, correctly rounded). */
double srt_dec_to_f64(srt_i128 v, int32_t s)
{
    char buf[SRT_DECIMAL_TEXT + 8];
    dec_exp_text(v, s, buf);
    return strtod(buf, NULL);
}

/* Decimal.toFloat: BigDecimal.floatValue, the value rounded once to the nearest float. */
float srt_dec_to_f32(srt_i128 v, int32_t s)
{
    char buf[SRT_DECIMAL_TEXT + 8];
    dec_exp_text(v, s, buf);
    return strtof(buf, NULL);
}

/* Decimal.toLong: the integral part, its low 64 bits (BigDecimal.longValue). */
int64_t srt_dec_to_i64(srt_i128 v, int32_t s)
{
    for (int i = 0; i < s; i++)
        v /= 10;
    return (int64_t)(uint64_t)(u128)v;
}
