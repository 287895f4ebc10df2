/* cm_jfmt.c - Java 8-17's Double.toString and Float.toString, for the compiler (the names of
** double literals) and the runtime (every double it prints; srt_double.c). */
/*
** Spark 3.5 runs on Java 8, 11 or 17, whose Double.toString and Float.toString are
** jdk.internal.math.FloatingDecimal (BinaryToASCIIBuffer.dtoa, then getChars).  That
** algorithm predates the shortest-digits one of JDK 19 (JDK-4511638) and is not always
** shortest: 2^62 prints 4.6116860184273879E18 and 1.0E23 prints 9.999999999999999E22.
** This file follows it step by step:
**   - integers below 2^63 are printed from a long, after rounding away the decimal
**     digits below the precision of the value (developLongDigits);
**   - otherwise B/S = v/10^k with a half-ulp margin M (symmetric, but halved at exact
**     powers of two), digits are generated until the remainder is within M of either end
**     (strictly), then the last digit is rounded up when the remainder is past half
**     (ties: odd digits up);
**   - E-form values (decimal exponent < -3 or >= 8 before layout) skip the stopping test
**     after the first digit, so they always get at least two digits (4.9E-324);
**   - the int/long arithmetic cases keep Java's strict "b + m > 10s" test and its 32/64-bit
**     wrap-around; the big-integer case uses "b + m >= 10s" as FDBigInteger.addAndCmp does.
** Layout (getChars): plain for 1e-3 <= |v| < 1e7, else d.dddE[-]n; all digits produced
** are printed, including zeros left by a carry in the last-digit round-up.
*/
#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "common/cm_jfmt.h"

/* estimateDecExp must round exactly as Java's double arithmetic does (no fused multiply-add;
   gcc only fuses when the target has FMA, which the x86-64 baseline lacks). */
#ifdef __clang__
#pragma STDC FP_CONTRACT OFF
#endif

/* ---- A small unsigned big integer (the FDBigInteger case). ----
** The largest operand is 10*S for Double.MAX_VALUE, about 1030 bits. */
enum { DT_WORDS = 40 };
typedef struct {
    uint32_t w[DT_WORDS]; /* little-endian words */
    int n;                /* words in use; w[n-1] != 0 unless n == 0 */
} DtBig;

static void dt_big_set(DtBig *b, uint64_t v)
{
    b->w[0] = (uint32_t)v;
    b->w[1] = (uint32_t)(v >> 32);
    b->n = b->w[1] ? 2 : b->w[0] ? 1 : 0;
}

static void dt_big_mul_small(DtBig *b, uint32_t m)
{
    uint64_t carry = 0;
    for (int i = 0; i < b->n; i++) {
        uint64_t p = (uint64_t)b->w[i] * m + carry;
        b->w[i] = (uint32_t)p;
        carry = p >> 32;
    }
    if (carry)
        b->w[b->n++] = (uint32_t)carry;
}

/* b *= v */
static void dt_big_mul_u64(DtBig *b, uint64_t v)
{
    if (v >> 32 == 0) {
        dt_big_mul_small(b, (uint32_t)v);
        return;
    }
    DtBig hi = *b;
    dt_big_mul_small(b, (uint32_t)v);
    dt_big_mul_small(&hi, (uint32_t)(v >> 32));
    uint64_t carry = 0;
    int n = hi.n + 1 > b->n ? hi.n + 1 : b->n;
    for (int i = b->n; i < n; i++)
        b->w[i] = 0;
    for (int i = 0; i < n; i++) {
        uint64_t x = (uint64_t)b->w[i] + (i >= 1 && i - 1 < hi.n ? hi.w[i - 1] : 0) + carry;
        b->w[i] = (uint32_t)x;
        carry = x >> 32;
    }
    if (carry)
        b->w[n++] = (uint32_t)carry;
    b->n = n;
    while (b->n > 0 && b->w[b->n - 1] == 0)
        b->n--;
}

static void dt_big_mul_pow5(DtBig *b, int e)
{
    for (; e >= 13; e -= 13)
        dt_big_mul_small(b, 1220703125u); /* 5^13 */
    static const uint32_t p5[13] = {1,     5,      25,      125,     625,      3125,     15625,
                                    78125, 390625, 1953125, 9765625, 48828125, 244140625};
    if (e > 0)
        dt_big_mul_small(b, p5[e]);
}

static void dt_big_shl(DtBig *b, int bits)
{
    if (b->n == 0 || bits == 0)
        return;
    int ws = bits / 32, bs = bits % 32;
    if (bs) {
        uint32_t top = b->w[b->n - 1] >> (32 - bs);
        for (int i = b->n - 1; i > 0; i--)
            b->w[i] = (b->w[i] << bs) | (b->w[i - 1] >> (32 - bs));
        b->w[0] <<= bs;
        if (top)
            b->w[b->n++] = top;
    }
    if (ws) {
        memmove(b->w + ws, b->w, (size_t)b->n * sizeof b->w[0]);
        memset(b->w, 0, (size_t)ws * sizeof b->w[0]);
        b->n += ws;
    }
}

/* 5^p5 */
static void dt_big_pow5(DtBig *b, int p5)
{
    dt_big_set(b, 1);
    dt_big_mul_pow5(b, p5);
}

static int dt_big_cmp(const DtBig *a, const DtBig *b)
{
    if (a->n != b->n)
        return a->n < b->n ? -1 : 1;
    for (int i = a->n - 1; i >= 0; i--)
        if (a->w[i] != b->w[i])
            return a->w[i] < b->w[i] ? -1 : 1;
    return 0;
}

/* The sign of ten_s - (b + m) (FDBigInteger.addAndCmp). */
static int dt_big_add_cmp(const DtBig *ten_s, const DtBig *b, const DtBig *m)
{
    int top = ten_s->n - 1;
    if (top >= 0 && b->n <= ten_s->n && m->n <= ten_s->n) {
        /* b + m < (its top words + 2) * base^top: usually settles it without the sum */
        uint64_t ub = (uint64_t)(b->n > top ? b->w[top] : 0) + (m->n > top ? m->w[top] : 0) + 2;
        if (ub <= ten_s->w[top])
            return 1;
    }
    DtBig sum;
    int n = b->n > m->n ? b->n : m->n;
    uint64_t carry = 0;
    for (int i = 0; i < n; i++) {
        uint64_t x = (uint64_t)(i < b->n ? b->w[i] : 0) + (i < m->n ? m->w[i] : 0) + carry;
        sum.w[i] = (uint32_t)x;
        carry = x >> 32;
    }
    if (carry)
        sum.w[n++] = (uint32_t)carry;
    sum.n = n;
    return dt_big_cmp(ten_s, &sum);
}

/* The top of a: its words from index lo up, as a double. */
static double dt_big_top(const DtBig *a, int lo)
{
    double d = 0;
    for (int i = a->n - 1; i >= lo && i >= 0; i--)
        d = d * 4294967296.0 + a->w[i];
    return d;
}

/* a = t * (a - q * b), q * b <= a, in one pass */
static void dt_big_mul_sub(DtBig *a, const DtBig *b, uint32_t q, uint32_t t)
{
    uint64_t carry = 0, carry_t = 0;
    int64_t borrow = 0;
    for (int i = 0; i < a->n; i++) {
        uint64_t p = (i < b->n ? (uint64_t)b->w[i] * q : 0) + carry;
        carry = p >> 32;
        int64_t d = (int64_t)a->w[i] - (uint32_t)p - borrow;
        borrow = d < 0;
        uint64_t x = (uint64_t)(uint32_t)d * t + carry_t;
        a->w[i] = (uint32_t)x;
        carry_t = x >> 32;
    }
    if (carry_t)
        a->w[a->n++] = (uint32_t)carry_t;
    while (a->n > 0 && a->w[a->n - 1] == 0)
        a->n--;
}

/* q = b / s, b = 10 * (b % s) (FDBigInteger.quoRemIteration; q < 10). */
static int dt_big_quo_rem(DtBig *b, const DtBig *s)
{
    int q = 0;
    if (s->n >= 2 && b->n >= s->n) {
        /* the ratio of the top words is within 1e-9 of b / s */
        int lo = s->n - 2;
        double est = dt_big_top(b, lo) / dt_big_top(s, lo);
        double fl = floor(est);
        if (est - fl > 1e-6 && fl + 1 - est > 1e-6) {
            dt_big_mul_sub(b, s, (uint32_t)fl, 10);
            return (int)fl;
        }
        if (fl >= 1) {
            q = (int)fl - 1;
            dt_big_mul_sub(b, s, (uint32_t)q, 1);
        }
    }
    while (dt_big_cmp(b, s) >= 0) {
        dt_big_mul_sub(b, s, 1, 1);
        q++;
    }
    dt_big_mul_small(b, 10);
    return q;
}

/* ---- The digit generation (BinaryToASCIIBuffer.dtoa). ---- */
typedef struct {
    char digits[24];
    int nd;      /* digits used */
    int dec_exp; /* value = 0.d1d2d3... * 10^dec_exp */
} DtOut;

/* 5^i, i < 27 (FDBigInteger.LONG_5_POW) */
/* clang-format off */
static const int64_t dt_long5[27] = {
    1LL, 5LL, 25LL, 125LL,
    625LL, 3125LL, 15625LL, 78125LL,
    390625LL, 1953125LL, 9765625LL, 48828125LL,
    244140625LL, 1220703125LL, 6103515625LL, 30517578125LL,
    152587890625LL, 762939453125LL, 3814697265625LL, 19073486328125LL,
    95367431640625LL, 476837158203125LL, 2384185791015625LL, 11920928955078125LL,
    59604644775390625LL, 298023223876953125LL, 1490116119384765625LL,
};
/* clang-format on */
/* approximately ceil(log2(5^i)) (N_5_BITS) */
static const int dt_n5bits[27] = {0,  3,  5,  7,  10, 12, 14, 17, 19, 21, 24, 26, 28, 31,
                                  33, 35, 38, 40, 42, 45, 47, 49, 52, 54, 56, 59, 61};
/* decimal digits of 2^i minus one (insignificantDigitsNumber) */
static const int dt_insig_pow2[64] = {
    0,  0,  0,  0,  1,  1,  1,  2,  2,  2,  3,  3,  3,  3,  4,  4,  4,  5,  5,  5,  6,  6,
    6,  6,  7,  7,  7,  8,  8,  8,  9,  9,  9,  9,  10, 10, 10, 11, 11, 11, 12, 12, 12, 12,
    13, 13, 13, 14, 14, 14, 15, 15, 15, 15, 16, 16, 16, 17, 17, 17, 18, 18, 18, 19};

/* developLongDigits: an integer value, less its insignificant low decimal digits. */
static void dt_long_digits(DtOut *o, int64_t v, int insignificant)
{
    int dec = 0;
    if (insignificant != 0) {
        int64_t pow10 = dt_long5[insignificant] << insignificant;
        int64_t residue = v % pow10;
        v /= pow10;
        dec += insignificant;
        if (residue >= (pow10 >> 1))
            v++;
    }
    while (v % 10 == 0) {
        v /= 10;
        dec++;
    }
    char tmp[20];
    int n = 0;
    while (v != 0) {
        tmp[n++] = (char)('0' + v % 10);
        v /= 10;
    }
    for (int i = 0; i < n; i++)
        o->digits[i] = tmp[n - 1 - i];
    o->nd = n;
    o->dec_exp = dec + n;
}

/* roundup: add one to the last digit; a carry out of the first digit makes it "1". */
static void dt_roundup(DtOut *o)
{
    int i = o->nd - 1;
    char q = o->digits[i];
    if (q == '9') {
        while (q == '9' && i > 0) {
            o->digits[i] = '0';
            q = o->digits[--i];
        }
        if (q == '9') {
            o->dec_exp += 1;
            o->digits[0] = '1';
            return;
        }
    }
    o->digits[i] = (char)(q + 1);
}

/* estimateDecExp: floor(log10(v)) from a linear fit of log10 on [1, 2); may be one high. */
static int dt_estimate_dec_exp(uint64_t fract_bits, int bin_exp)
{
    uint64_t bits = (1023ull << 52) | (fract_bits & ((1ull << 52) - 1));
    double d2;
    memcpy(&d2, &bits, sizeof d2);
    double d = (d2 - 1.5) * 0.289529654 + 0.176091259 + (double)bin_exp * 0.301029995663981;
    return (int)floor(d);
}

/* Java's int (w32) or long arithmetic wraps; x is the exact result modulo 2^64. */
static int64_t dt_wrap(int w32, uint64_t x)
{
    return w32 ? (int64_t)(int32_t)(uint32_t)x : (int64_t)x;
}

/* fract_bits: the significand with its leading one at bit 52; v = fract_bits * 2^(bin_exp-52).
   n_sig_bits: the precision of the source type at this value (53/24 normal, less subnormal). */
static void dt_dtoa(DtOut *o, int bin_exp, uint64_t fract_bits, int n_sig_bits)
{
    const int tail_zeros = __builtin_ctzll(fract_bits);
    const int n_fract_bits = 53 - tail_zeros;
    int n_tiny_bits = n_fract_bits - bin_exp - 1;
    if (n_tiny_bits < 0)
        n_tiny_bits = 0;
    if (bin_exp <= 62 && bin_exp >= -21 && n_tiny_bits < 27 &&
        n_fract_bits + dt_n5bits[n_tiny_bits] < 64 && n_tiny_bits == 0) {
        /* an integer that fits a long */
        int insignificant = 0;
        if (bin_exp > n_sig_bits) {
            int p2 = bin_exp - n_sig_bits - 1;
            insignificant = p2 > 1 && p2 < 64 ? dt_insig_pow2[p2] : 0;
        }
        uint64_t lv = bin_exp >= 52 ? fract_bits << (bin_exp - 52) : fract_bits >> (52 - bin_exp);
        dt_long_digits(o, (int64_t)lv, insignificant);
        return;
    }
    int dec_exp = dt_estimate_dec_exp(fract_bits, bin_exp);
    int b5 = dec_exp < 0 ? -dec_exp : 0;
    int b2 = b5 + n_tiny_bits + bin_exp;
    int s5 = dec_exp > 0 ? dec_exp : 0;
    int s2 = s5 + n_tiny_bits;
    int m5 = b5;
    int m2 = b2 - n_sig_bits;
    fract_bits >>= tail_zeros;
    b2 -= n_fract_bits - 1;
    int common2 = b2 < s2 ? b2 : s2;
    b2 -= common2;
    s2 -= common2;
    m2 -= common2;
    if (n_fract_bits == 1) /* below a power of two the next double is half as far */
        m2 -= 1;
    if (m2 < 0) {
        b2 -= m2;
        s2 -= m2;
        m2 = 0;
    }
    int b_bits = n_fract_bits + b2 + (b5 < 27 ? dt_n5bits[b5] : b5 * 3);
    int ten_s_bits = s2 + 1 + (s5 + 1 < 27 ? dt_n5bits[s5 + 1] : (s5 + 1) * 3);
    int nd = 0, low, high, q;
    int64_t low_diff;
    if (b_bits < 64 && ten_s_bits < 64) {
        /* Java does these in int (both below 2^31) or long; its overflow wraps */
        const int w32 = b_bits < 32 && ten_s_bits < 32;
        int64_t b = (int64_t)((fract_bits * (uint64_t)dt_long5[b5]) << b2);
        int64_t s = dt_long5[s5] << s2;
        int64_t m = dt_long5[m5] << m2;
        int64_t tens = s * 10;
        q = (int)(b / s);
        b = 10 * (b % s);
        m = dt_wrap(w32, (uint64_t)m * 10);
        low = b < m;
        high = dt_wrap(w32, (uint64_t)b + (uint64_t)m) > tens;
        if (q == 0 && !high)
            dec_exp--;
        else
            o->digits[nd++] = (char)('0' + q);
        if (dec_exp < -3 || dec_exp >= 8) /* E-form: at least two digits */
            high = low = 0;
        while (!low && !high) {
            q = (int)(b / s);
            b = 10 * (b % s);
            m = dt_wrap(w32, (uint64_t)m * 10);
            if (m > 0) {
                low = b < m;
                high = dt_wrap(w32, (uint64_t)b + (uint64_t)m) > tens;
            } else { /* m overflowed: certainly past both ends */
                low = high = 1;
            }
            o->digits[nd++] = (char)('0' + q);
        }
        low_diff = dt_wrap(0, (uint64_t)b * 2 - (uint64_t)tens); /* exact: |2b - 10s| < 10s */
    } else {
        /* S = 5^s5 2^s2, 10S, M = 5^(m5+1) 2^(m2+1) (ten half-ulps), B = f 5^b5 2^b2; m5 == b5 */
        DtBig bb, sb, mb, ten_sb;
        dt_big_pow5(&sb, s5);
        ten_sb = sb;
        dt_big_mul_small(&ten_sb, 5);
        dt_big_shl(&ten_sb, s2 + 1);
        dt_big_shl(&sb, s2);
        dt_big_pow5(&mb, m5);
        bb = mb;
        dt_big_mul_small(&mb, 5);
        dt_big_shl(&mb, m2 + 1);
        dt_big_mul_u64(&bb, fract_bits);
        dt_big_shl(&bb, b2);
        q = dt_big_quo_rem(&bb, &sb);
        low = dt_big_cmp(&bb, &mb) < 0;
        high = dt_big_add_cmp(&ten_sb, &bb, &mb) <= 0;
        if (q == 0 && !high)
            dec_exp--;
        else
            o->digits[nd++] = (char)('0' + q);
        if (dec_exp < -3 || dec_exp >= 8) /* E-form: at least two digits */
            high = low = 0;
        while (!low && !high) {
            q = dt_big_quo_rem(&bb, &sb);
            dt_big_mul_small(&mb, 10);
            low = dt_big_cmp(&bb, &mb) < 0;
            high = dt_big_add_cmp(&ten_sb, &bb, &mb) <= 0;
            o->digits[nd++] = (char)('0' + q);
        }
        if (high && low) {
            dt_big_shl(&bb, 1);
            low_diff = dt_big_cmp(&bb, &ten_sb);
        } else {
            low_diff = 0;
        }
    }
    o->dec_exp = dec_exp + 1;
    o->nd = nd;
    if (high) {
        if (low) {
            if (low_diff == 0) {
                if ((o->digits[nd - 1] & 1) != 0)
                    dt_roundup(o);
            } else if (low_diff > 0) {
                dt_roundup(o);
            }
        } else {
            dt_roundup(o);
        }
    }
}

/* getChars: the digits laid out as Java prints them; returns the length. */
static uint32_t dt_layout(const DtOut *o, int negative, char *out)
{
    uint32_t i = 0;
    int de = o->dec_exp, nd = o->nd;
    if (negative)
        out[i++] = '-';
    if (de > 0 && de < 8) {
        int int_len = nd < de ? nd : de;
        memcpy(out + i, o->digits, (size_t)int_len);
        i += (uint32_t)int_len;
        if (int_len < de) {
            for (int k = int_len; k < de; k++)
                out[i++] = '0';
            out[i++] = '.';
            out[i++] = '0';
        } else {
            out[i++] = '.';
            if (int_len < nd) {
                memcpy(out + i, o->digits + int_len, (size_t)(nd - int_len));
                i += (uint32_t)(nd - int_len);
            } else {
                out[i++] = '0';
            }
        }
    } else if (de <= 0 && de > -3) {
        out[i++] = '0';
        out[i++] = '.';
        for (int k = de; k < 0; k++)
            out[i++] = '0';
        memcpy(out + i, o->digits, (size_t)nd);
        i += (uint32_t)nd;
    } else {
        out[i++] = o->digits[0];
        out[i++] = '.';
        if (nd > 1) {
            memcpy(out + i, o->digits + 1, (size_t)(nd - 1));
            i += (uint32_t)(nd - 1);
        } else {
            out[i++] = '0';
        }
        out[i++] = 'E';
        int e;
        if (de <= 0) {
            out[i++] = '-';
            e = -de + 1;
        } else {
            e = de - 1;
        }
        if (e > 99) {
            out[i++] = (char)('0' + e / 100);
            e %= 100;
            out[i++] = (char)('0' + e / 10);
        } else if (e > 9) {
            out[i++] = (char)('0' + e / 10);
        }
        out[i++] = (char)('0' + e % 10);
    }
    out[i] = '\0';
    return i;
}

/* The IEEE fields of a double (mant_bits 52) or float (23) as Java prints the value. */
static uint32_t dt_format(int negative, int bin_exp, uint64_t fract, int mant_bits, int exp_max,
                          int bias, char *out)
{
    const char *special = NULL;
    if (bin_exp == exp_max)
        special = fract ? "NaN" : negative ? "-Infinity" : "Infinity";
    else if (bin_exp == 0 && fract == 0)
        special = negative ? "-0.0" : "0.0";
    if (special) {
        uint32_t n = (uint32_t)strlen(special);
        memcpy(out, special, n + 1);
        return n;
    }
    int n_sig_bits;
    if (bin_exp == 0) { /* subnormal: normalise */
        int lz = __builtin_clzll(fract);
        int shift = lz - (63 - mant_bits);
        fract <<= shift;
        bin_exp = 1 - shift;
        n_sig_bits = 64 - lz;
    } else {
        fract |= 1ull << mant_bits;
        n_sig_bits = mant_bits + 1;
    }
    DtOut o;
    dt_dtoa(&o, bin_exp - bias, fract << (52 - mant_bits), n_sig_bits);
    return dt_layout(&o, negative, out);
}

uint32_t cm_fmt_double(double v, char *out)
{
    uint64_t bits;
    memcpy(&bits, &v, sizeof bits);
    return dt_format((int)(bits >> 63), (int)((bits >> 52) & 0x7ff), bits & ((1ull << 52) - 1), 52,
                     0x7ff, 1023, out);
}

uint32_t cm_fmt_float(float v, char *out)
{
    uint32_t bits;
    memcpy(&bits, &v, sizeof bits);
    return dt_format((int)(bits >> 31), (int)((bits >> 23) & 0xff), bits & ((1u << 23) - 1), 23,
                     0xff, 127, out);
}
