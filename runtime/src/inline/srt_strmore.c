/* srt_strmore.c - levenshtein, soundex, find_in_set, bin, conv, width_bucket, overlay, sequence,
** array_insert and getbit with Spark 3.5's semantics (UTF8String.java, NumberConverter.scala,
** mathExpressions.scala, collectionOperations.scala, bitwiseExpressions.scala), inline helpers.
*Bodies see non-NULL
** values only; results go to the query's scratch memory.
*/
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <stdbool.h>
#include <string.h>
#include <strings.h>

#include "common/cm_charset.h"
#include "common/cm_decfmt.h"
#include "common/cm_utf8.h"
#include "srt_abi.h"
#include "inline/srt_sbuf.h"

/* The bytes of the character at s[i] (UTF8String.numBytesForFirstByte, cut at n). */
static inline uint32_t sm_char_len(const char *s, uint32_t n, uint32_t i)
{
    uint32_t len = cm_utf8_lead_len((unsigned char)s[i]);
    return len > n - i ? n - i : len;
}

/* The byte offset of each character of s (and n at the end); the count in *count. */
static uint32_t *sm_char_starts(SrtQuery *q, const char *s, uint32_t n, uint32_t *count)
{
    uint32_t *at = srt_scratch_alloc(q, ((size_t)n + 1) * sizeof *at);
    uint32_t k = 0;
    for (uint32_t i = 0; i < n; i += sm_char_len(s, n, i))
        at[k++] = i;
    at[k] = n;
    *count = k;
    return at;
}

/* Levenshtein (stringExpressions.scala): UTF8String.levenshteinDistance over characters
   (equal when their bytes are); with a threshold (levenshteinDistance(other, threshold),
   commons-text's limitedCompare) the distance when it is <= threshold, else -1, so a
   negative threshold always gives -1.  Without one the caller passes INT32_MAX. */
int32_t srt_str_levenshtein(SrtQuery *q, const char *a, uint32_t an, const char *b, uint32_t bn,
                            int32_t threshold)
{
    uint32_t n, m;
    uint32_t *sa = sm_char_starts(q, a, an, &n), *sb = sm_char_starts(q, b, bn, &m);
    uint32_t *p = srt_scratch_alloc(q, ((size_t)n + 1) * sizeof *p);
    uint32_t *d = srt_scratch_alloc(q, ((size_t)n + 1) * sizeof *d);
    for (uint32_t i = 0; i <= n; i++)
        p[i] = i;
    for (uint32_t j = 0; j < m; j++) {
        d[0] = j + 1;
        uint32_t bl = sb[j + 1] - sb[j];
        for (uint32_t i = 0; i < n; i++) {
            uint32_t al = sa[i + 1] - sa[i];
            uint32_t cost = al == bl && memcmp(a + sa[i], b + sb[j], al) == 0 ? 0 : 1;
            uint32_t v = d[i] + 1 < p[i + 1] + 1 ? d[i] + 1 : p[i + 1] + 1;
            d[i + 1] = v < p[i] + cost ? v : p[i] + cost;
        }
        uint32_t *t = p;
        p = d;
        d = t;
    }
    return (int64_t)p[n] <= (int64_t)threshold ? (int32_t)p[n] : -1;
}

/* SoundEx: UTF8String.soundex, by bytes: '' for '', the string itself when its first byte
   is not an ASCII letter, else the letter and three digits of US_ENGLISH_MAPPING (H and W,
   code '7', neither separate nor count; a non-letter resets the last code). */
void srt_str_soundex(SrtQuery *q, const char *s, uint32_t n, const char **out, uint32_t *out_n)
{
    static const char map[] = "01230127022455012623017202";
    unsigned char c = n ? (unsigned char)s[0] : 0;
    if (c >= 'a' && c <= 'z')
        c = (unsigned char)(c - 32);
    if (n == 0 || c < 'A' || c > 'Z') {
        *out = s;
        *out_n = n;
        return;
    }
    char *sx = srt_scratch_alloc(q, 4);
    memcpy(sx, "0000", 4);
    sx[0] = (char)c;
    int k = 1;
    char last = map[c - 'A'];
    for (uint32_t i = 1; i < n && k <= 3; i++) {
        c = (unsigned char)s[i];
        if (c >= 'a' && c <= 'z')
            c = (unsigned char)(c - 32);
        if (c < 'A' || c > 'Z') {
            last = '0';
            continue;
        }
        char code = map[c - 'A'];
        if (code == '7')
            continue;
        if (code != '0' && code != last)
            sx[k++] = code;
        last = code;
    }
    *out = sx;
    *out_n = 4;
}

/* FindInSet: UTF8String.findInSet: the 1-based position of w among the comma-separated
   items of set (byte equality), 0 if absent or if w has a comma. */
int32_t srt_str_find_in_set(const char *w, uint32_t wn, const char *set, uint32_t sn)
{
    if (memchr(w, ',', wn))
        return 0;
    int32_t k = 1;
    uint32_t start = 0;
    for (uint32_t i = 0; i <= sn; i++) {
        if (i < sn && set[i] != ',')
            continue;
        if (i - start == wn && memcmp(set + start, w, wn) == 0)
            return k;
        start = i + 1;
        k++;
    }
    return 0;
}

/* v as an unsigned 64-bit number in base radix (2..36), upper-case digits, into buf ending
   at end; returns the first digit (NumberConverter.decode and byte2char; "0" for 0). */
static char *sm_unsigned_digits(uint64_t v, uint32_t radix, char *end)
{
    char *p = end;
    do {
        uint32_t dg = (uint32_t)(v % radix);
        *--p = (char)(dg < 10 ? '0' + dg : 'A' + dg - 10);
        v /= radix;
    } while (v);
    return p;
}

/* Bin: java.lang.Long.toBinaryString, the two's complement bits of a negative v. */
void srt_num_bin(SrtQuery *q, int64_t v, const char **out, uint32_t *out_n)
{
    char buf[64];
    char *p = sm_unsigned_digits((uint64_t)v, 2, buf + sizeof buf);
    uint32_t len = (uint32_t)(buf + sizeof buf - p);
    char *o = srt_scratch_alloc(q, len);
    memcpy(o, p, len);
    *out = o;
    *out_n = len;
}

/* Character.digit of an ASCII byte in radix, or -1. */
static int sm_digit(unsigned char c, int radix)
{
    int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'z' ? c - 'a' + 10
                                          : c >= 'A' && c <= 'Z' ? c - 'A' + 10 : 99;
    return d < radix ? d : -1;
}

/* Conv: NumberConverter.convert (non-ANSI) of s trimmed of spaces (UTF8String.trim): NULL
   (-1) for a base outside 2..36 (|to| for to) or an empty s; a leading '-' negates; the
   digits are read up to the first that is not one in from, as an unsigned 64-bit number
   (-1, all ones, on overflow); a negative to prints a signed result with '-', a positive
   one the unsigned value (a negated input is -v, or -1 when v was already negative). */
int srt_num_conv(SrtQuery *q, const char *s, uint32_t n, int32_t from, int32_t to,
                 const char **out, uint32_t *out_n)
{
    while (n && s[0] == ' ')
        s++, n--;
    while (n && s[n - 1] == ' ')
        n--;
    int32_t abs_to = to < 0 ? -to : to;
    *out_n = 0;
    if (from < 2 || from > 36 || abs_to < 2 || abs_to > 36 || n == 0)
        return -1;
    bool negative = s[0] == '-';
    uint64_t v = 0, bound = (UINT64_MAX - (uint64_t)from) / (uint64_t)from;
    for (uint32_t i = negative ? 1 : 0; i < n; i++) {
        int d = sm_digit((unsigned char)s[i], from);
        if (d < 0)
            break;
        if (v >= bound && (UINT64_MAX - (uint64_t)d) / (uint64_t)from < v) {
            v = UINT64_MAX; /* encode's overflow: -1 */
            break;
        }
        v = v * (uint64_t)from + (uint64_t)d;
    }
    if (negative && to > 0)
        v = (int64_t)v < 0 ? UINT64_MAX : (uint64_t)0 - v;
    if (to < 0 && (int64_t)v < 0) {
        v = (uint64_t)0 - v;
        negative = true;
    }
    char buf[66];
    char *p = sm_unsigned_digits(v, (uint32_t)abs_to, buf + sizeof buf);
    if (negative && to < 0)
        *--p = '-';
    uint32_t len = (uint32_t)(buf + sizeof buf - p);
    char *o = srt_scratch_alloc(q, len);
    memcpy(o, p, len);
    *out = o;
    *out_n = len;
    return 0;
}

/* WidthBucket.computeBucketNumber: -1 (NULL) when n <= 0, n is Long.MaxValue, v is NaN, lo
   equals hi, or a bound is NaN or infinite; else the bucket, 0 below the range and n + 1
   above it (mirrored when lo > hi). */
int srt_math_width_bucket(double v, double lo, double hi, int64_t n, int64_t *out)
{
    if (n <= 0 || n == INT64_MAX || isnan(v) || lo == hi || isnan(lo) || isinf(lo) || isnan(hi) ||
        isinf(hi))
        return -1;
    double lower = lo < hi ? lo : hi, upper = lo < hi ? hi : lo;
    if (lo < hi)
        *out = v < lower ? 0 : v >= upper ? n + 1 : (int64_t)((double)n * (v - lower) / (upper - lower)) + 1;
    else
        *out = v > upper ? 0 : v <= lower ? n + 1 : (int64_t)((double)n * (upper - v) / (upper - lower)) + 1;
    return 0;
}

/* Sequence of integers (IntegralSequenceImpl.eval, getSequenceLength): start, start +
   step, ... up to stop; without a step, 1 or -1 by the direction; a step that does not lead
   to stop (or 0 unless start = stop) fails the query ("Illegal sequence boundaries"), as
   does a length above MAX_ROUNDED_ARRAY_LENGTH.  *out -> SrtDatum[*out_n] (in .i; is_int
   for TINYINT, SMALLINT and INT, whose elements lie between start and stop).  0, or -1
   after failing the query. */
int srt_array_sequence(SrtQuery *q, int64_t start, int64_t stop, int64_t step, int32_t has_step,
                       int32_t is_int, const void **out, uint32_t *out_n)
{
    char msg[160];
    *out = NULL;
    *out_n = 0;
    if (!has_step)
        step = start <= stop ? 1 : -1;
    if (!((step > 0 && start <= stop) || (step < 0 && start >= stop) || (step == 0 && start == stop))) {
        snprintf(msg, sizeof msg, "Illegal sequence boundaries: %lld to %lld by %lld",
                 (long long)start, (long long)stop, (long long)step);
        srt_query_fail(q, msg);
        return -1;
    }
    int64_t len = start == stop ? 1 : 1 + (int64_t)((uint64_t)stop - (uint64_t)start) / step;
    if (len > 2147483632) {
        snprintf(msg, sizeof msg, "Too long sequence: %lld. Should be <= 2147483632", (long long)len);
        srt_query_fail(q, msg);
        return -1;
    }
    SrtDatum *d = srt_scratch_alloc(q, sizeof *d * (size_t)(len ? len : 1));
    memset(d, 0, sizeof *d * (size_t)len);
    for (int64_t i = 0; i < len; i++) {
        uint64_t v = (uint64_t)start + (uint64_t)step * (uint64_t)i;
        d[i].i = is_int ? (int64_t)(int32_t)(uint32_t)v : (int64_t)v;
    }
    *out = d;
    *out_n = (uint32_t)len;
    return 0;
}

/* Java's int + and - (wrapping). */
static inline int32_t sm_add32(int32_t a, int32_t b)
{
    return (int32_t)((uint32_t)a + (uint32_t)b);
}

/* ByteArray.subStringSQL(bytes, pos, len) in Java's int arithmetic. */
static void sm_bytes_sub(const char *s, uint32_t n, int32_t pos, int32_t len, const char **out,
                         uint32_t *out_n)
{
    int32_t size = (int32_t)n, start = pos > 0 ? pos - 1 : pos < 0 ? size + pos : 0;
    *out = s;
    *out_n = 0;
    if (pos > size)
        return;
    int32_t end = sm_add32(size, -start) < len ? size : sm_add32(start, len);
    if (start < 0)
        start = 0;
    if (start < end) {
        *out = s + start;
        *out_n = (uint32_t)(end - start);
    }
}

/* Overlay.calculate: s[.. pos - 1] ++ r ++ s[pos + len ..] by UTF8String.substringSQL on
   characters (ByteArray.subStringSQL on bytes when binary), a negative len meaning r's
   length; pos - 1 and pos + len wrap as Java's ints do. */
void srt_str_overlay(SrtQuery *q, const char *s, uint32_t n, const char *r, uint32_t rn,
                     int32_t pos, int32_t len, int32_t binary, const char **out, uint32_t *out_n)
{
    int32_t length = len >= 0 ? len : binary ? (int32_t)rn : (int32_t)srt_str_length(r, rn);
    const char *a, *c;
    uint32_t an, cn;
    if (binary) {
        sm_bytes_sub(s, n, 1, sm_add32(pos, -1), &a, &an);
        sm_bytes_sub(s, n, sm_add32(pos, length), INT32_MAX, &c, &cn);
    } else {
        srt_str_substr(s, n, 1, sm_add32(pos, -1), &a, &an);
        srt_str_substr(s, n, sm_add32(pos, length), INT32_MAX, &c, &cn);
    }
    char *o = srt_scratch_alloc(q, (size_t)an + rn + cn + 1);
    memcpy(o, a, an);
    memcpy(o + an, r, rn);
    memcpy(o + an + rn, c, cn);
    *out = o;
    *out_n = an + rn + cn;
}

/* ArrayInsert.nullSafeEval (spark.sql.legacy.negativeIndexInArrayInsert false): item put at
   the 1-based pos of arr[0, n); a negative pos counts from the end, -1 putting it after the
   last element; a pos past either end pads with NULLs (array_insert(array(1), 3, 9) is
   [1, NULL, 9], array_insert(array(1), -3, 9) is [9, NULL, 1]).  pos 0 fails the query
   (INVALID_INDEX_OF_ZERO), as does a result beyond MAX_ROUNDED_ARRAY_LENGTH.  *out ->
   SrtDatum[*out_n] in scratch memory; 0, or -1 after failing the query. */
int srt_array_insert(SrtQuery *q, const void *arr, uint32_t n, int32_t pos, const void *item,
                     const void **out, uint32_t *out_n)
{
    char msg[256];
    const SrtDatum *a = arr;
    *out = NULL;
    *out_n = 0;
    if (pos == 0) {
        srt_query_fail(q, "[INVALID_INDEX_OF_ZERO] The index 0 is invalid. An index shall be "
                          "either < 0 or > 0 (the first element has index 1).");
        return -1;
    }
    /* at: where item goes; the elements from at on move by shift (past the NULLs of a
       negative pos beyond the start), those before it stay */
    int64_t p = pos, at, shift = 1;
    if (p > 0)
        at = p - 1;
    else if (-p > (int64_t)n)
        at = 0, shift = -p - (int64_t)n;
    else
        at = p + (int64_t)n + 1;
    int64_t len = (int64_t)n + shift > at + 1 ? (int64_t)n + shift : at + 1;
    if (len > 2147483632) {
        snprintf(msg, sizeof msg,
                 "[COLLECTION_SIZE_LIMIT_EXCEEDED.FUNCTION] Can't create array with %lld "
                 "elements which exceeding the array size limit 2147483632, unsuccessful try to "
                 "create arrays in the function `array_insert`.",
                 (long long)len);
        srt_query_fail(q, msg);
        return -1;
    }
    SrtDatum *d = srt_scratch_alloc(q, sizeof *d * (size_t)len);
    if (!d)
        return -1;
    memset(d, 0, sizeof *d * (size_t)len);
    for (int64_t i = 0; i < len; i++)
        d[i].is_null = 1;
    for (int64_t i = 0; i < (int64_t)n; i++)
        d[i < at ? i : i + shift] = a[i];
    d[at] = *(const SrtDatum *)item;
    *out = d;
    *out_n = (uint32_t)len;
    return 0;
}

/* FormatNumber's output of the plain digits t[0, n) ("[-]int[.frac]", already rounded to
   d places): the integer part grouped by threes with ',' ("#,###,###,...,##0.00" in
   Locale.US). */
static void sm_group(SrtQuery *q, const char *t, size_t n, const char **out, uint32_t *out_n)
{
    size_t neg = n && t[0] == '-', dot = neg;
    while (dot < n && t[dot] != '.')
        dot++;
    size_t digits = dot - neg;
    char *o = srt_scratch_alloc(q, n + digits / 3 + 1), *p = o;
    if (neg)
        *p++ = '-';
    for (size_t i = 0; i < digits; i++) {
        if (i && (digits - i) % 3 == 0)
            *p++ = ',';
        *p++ = t[neg + i];
    }
    memcpy(p, t + dot, n - dot);
    p += n - dot;
    *out = o;
    *out_n = (uint32_t)(p - o);
}

/* format_number(x, d) of a DOUBLE (a FLOAT is widened exactly): FormatNumber's DecimalFormat
   of the pattern "#,###,###,###,###,###,##0" and d zeros after a point, which formats the
   digits Double.toString gives (DigitList.set), rounded HALF_EVEN (1e300 is a 1 and 300
   zeros, not the binary value's digits); NaN is "NaN", the infinities "∞" and "-∞"; -0.0
   keeps its sign. */
void srt_format_number_f64(SrtQuery *q, double x, int32_t d, const char **out, uint32_t *out_n)
{
    static const char head[] = "#,###,###,###,###,###,##0";
    char pat[sizeof head + 1 + 340];
    if (d > 340) /* DecimalFormat's DOUBLE_FRACTION_DIGITS */
        d = 340;
    uint32_t n = sizeof head - 1;
    memcpy(pat, head, n);
    if (d > 0) {
        pat[n++] = '.';
        memset(pat + n, '0', (size_t)d);
        n += (uint32_t)d;
    }
    (void)srt_format_number_pat_f64(q, x, pat, n, out, out_n);
}

/* format_number(x, d) of an integer or a DECIMAL: the unscaled v (hi, lo) at scale s, rounded
   HALF_EVEN to d places (BigDecimal through DecimalFormat), then grouped. */
void srt_format_number_dec(SrtQuery *q, int64_t lo, int64_t hi, int32_t s, int32_t d,
                           const char **out, uint32_t *out_n)
{
    __int128 v = (__int128)(((unsigned __int128)(uint64_t)hi << 64) | (uint64_t)lo);
    bool neg = v < 0;
    unsigned __int128 u = neg ? (unsigned __int128)0 - (unsigned __int128)v : (unsigned __int128)v;
    if (d < s) { /* drop s - d digits, HALF_EVEN */
        unsigned __int128 p = 1;
        for (int32_t i = d; i < s; i++)
            p *= 10;
        unsigned __int128 qt = u / p, r = u % p;
        if (r * 2 > p || (r * 2 == p && (qt & 1)))
            qt++;
        u = qt;
        s = d;
    }
    char msd[48], dig[48]; /* dig: least significant first */
    int k = srt_dec_digits((srt_i128)u, msd);
    for (int i = 0; i < k; i++)
        dig[i] = msd[k - 1 - i];
    while (k <= s) /* at least one integer digit */
        dig[k++] = '0';
    size_t n = (size_t)k + 2 + (size_t)(d > s ? d - s : 0) + 1;
    char *t = srt_scratch_alloc(q, n), *p = t;
    if (neg)
        *p++ = '-'; /* DecimalFormat keeps the sign of a value rounded to zero */
    for (int i = k - 1; i >= s; i--)
        *p++ = dig[i];
    if (d > 0)
        *p++ = '.';
    for (int i = s - 1; i >= 0; i--)
        *p++ = dig[i];
    for (int32_t i = s; i < d; i++)
        *p++ = '0';
    sm_group(q, t, (size_t)(p - t), out, out_n);
}

/* ==== format_number(x, 'pattern'): FormatNumber with a string d, java.text.DecimalFormat
   (applyLocalizedPattern, DecimalFormatSymbols(Locale.US), HALF_EVEN); cm_decfmt.h ==== */

/* The pattern into *f, or the query fails: Java's IllegalArgumentException for a malformed
   pattern, a sluice message for one not supported. */
static bool sm_pattern(SrtQuery *q, const char *pat, uint32_t pn, CmDecFmt *f)
{
    char why[200], msg[300];
    const char *e = cm_decfmt_parse(pat, pn, f, why, sizeof why);
    if (!e)
        return true;
    snprintf(msg, sizeof msg, "format_number: %s", e);
    srt_query_fail(q, msg);
    return false;
}

/* The digits dg[0, nd) (no trailing zeros) cut to their first keep, rounded HALF_EVEN as
   DigitList.shouldRoundUp: a 5 that is the last digit is a tie only when tie is 0 (the digits
   are the exact value), above it (rounds up) when tie > 0, below when tie < 0.  The new
   count, *point moved by a carry; zero is 0 digits at point 0. */
static int sm_round_even(char *dg, int nd, int keep, int tie, int *point)
{
    if (keep >= nd)
        return nd;
    bool up = false;
    if (keep >= 0) {
        if (dg[keep] != '5')
            up = dg[keep] > '5';
        else if (keep + 1 < nd)
            up = true;
        else
            up = tie > 0 || (tie == 0 && keep > 0 && (dg[keep - 1] - '0') % 2 != 0);
    }
    nd = keep > 0 ? keep : 0;
    if (up) {
        while (nd > 0 && dg[nd - 1] == '9')
            nd--;
        if (nd == 0) {
            dg[0] = '1';
            nd = 1;
            (*point)++;
        } else {
            dg[nd - 1]++;
        }
    }
    while (nd > 0 && dg[nd - 1] == '0')
        nd--;
    if (nd == 0)
        *point = 0;
    return nd;
}

/* DecimalFormat.subformat of 0.dg[0, nd) * 10^point by f: the affixes of the sign, at least
   min_int integer digits grouped, a '0' when no digit would show, the point when a fraction
   shows (or always_point), the fraction down to min_frac digits. */
static void sm_subformat(SrtQuery *q, const CmDecFmt *f, bool neg, const char *dg, int nd, int point,
                         const char **out, uint32_t *out_n)
{
    SrtSBuf b = {q, NULL, 0, 0};
    const char *pre = neg ? f->neg_prefix : f->pos_prefix, *suf = neg ? f->neg_suffix : f->pos_suffix;
    srt_sbuf_put(&b, pre, strlen(pre));
    int count = point > f->min_int ? point : f->min_int, di = 0;
    size_t before = b.n;
    for (int i = count - 1; i >= 0; i--) {
        char c = i < point && di < nd ? dg[di++] : '0';
        srt_sbuf_put(&b, &c, 1);
        if (f->grouping && i > 0 && i % f->grouping == 0)
            srt_sbuf_put(&b, ",", 1);
    }
    bool frac = f->min_frac > 0 || di < nd;
    if (!frac && b.n == before)
        srt_sbuf_put(&b, "0", 1);
    if (f->always_point || frac)
        srt_sbuf_put(&b, ".", 1);
    for (int i = 0; i < f->max_frac; i++) {
        if (i >= f->min_frac && di >= nd)
            break;
        char c = -1 - i > point - 1 || di >= nd ? '0' : dg[di++];
        srt_sbuf_put(&b, &c, 1);
    }
    srt_sbuf_put(&b, suf, strlen(suf));
    *out = b.p ? b.p : "";
    *out_n = (uint32_t)b.n;
}

/* Whether the exact binary value a (> 0) is above (1), below (-1) or equal to (0) the decimal
   0.dg[0, nd) * 10^point that Double.toString printed for it (glibc prints every digit of a
   double: at most 767 significant ones). */
static int sm_exact_cmp(double a, const char *dg, int nd, int point)
{
    char t[800];
    snprintf(t, sizeof t, "%.770e", a);
    const char *e = strchr(t, 'e');
    int ex = e ? atoi(e + 1) : 0;
    if (ex != point - 1)
        return ex > point - 1 ? 1 : -1;
    for (int i = 0, at = 0; t + at < e; i++, at += at == 0 ? 2 : 1) {
        char s = i < nd ? dg[i] : '0';
        if (t[at] != s)
            return t[at] > s ? 1 : -1;
    }
    return 0;
}

int srt_format_number_pat_f64(SrtQuery *q, double x, const char *pat, uint32_t pn, const char **out,
                               uint32_t *out_n)
{
    CmDecFmt f;
    *out = "";
    *out_n = 0;
    if (!sm_pattern(q, pat, pn, &f))
        return -1;
    if (isnan(x)) { /* DecimalFormatSymbols.getNaN, without the affixes */
        *out = "NaN";
        *out_n = 3;
        return 0;
    }
    bool neg = signbit(x);
    x = fabs(x) * f.multiplier; /* DecimalFormat.format(double): number *= multiplier */
    if (isinf(x)) {
        SrtSBuf b = {q, NULL, 0, 0};
        const char *pre = neg ? f.neg_prefix : f.pos_prefix, *suf = neg ? f.neg_suffix : f.pos_suffix;
        srt_sbuf_put(&b, pre, strlen(pre));
        srt_sbuf_put(&b, "\xe2\x88\x9e", 3);
        srt_sbuf_put(&b, suf, strlen(suf));
        *out = b.p;
        *out_n = (uint32_t)b.n;
        return 0;
    }
    char dg[24];
    int point, nd = srt_double_digits(x, dg, &point);
    int keep = point + f.max_frac;
    int tie = nd && keep >= 0 && keep + 1 == nd && dg[keep] == '5' ? sm_exact_cmp(x, dg, nd, point) : 0;
    nd = sm_round_even(dg, nd, keep, tie, &point);
    sm_subformat(q, &f, neg, dg, nd, point, out, out_n);
    return 0;
}

int srt_format_number_pat_dec(SrtQuery *q, int64_t lo, int64_t hi, int32_t s, const char *pat, uint32_t pn,
                               const char **out, uint32_t *out_n)
{
    CmDecFmt f;
    *out = "";
    *out_n = 0;
    if (!sm_pattern(q, pat, pn, &f))
        return -1;
    __int128 v = (__int128)(((unsigned __int128)(uint64_t)hi << 64) | (uint64_t)lo);
    bool neg = v < 0;
    unsigned __int128 u = neg ? (unsigned __int128)0 - (unsigned __int128)v : (unsigned __int128)v;
    char dg[48];
    int nd = u ? srt_dec_digits((srt_i128)u, dg) : 0;
    int point = nd - s + (f.multiplier == 100 ? 2 : f.multiplier == 1000 ? 3 : 0); /* exact, as BigDecimal */
    while (nd > 0 && dg[nd - 1] == '0')
        nd--;
    if (nd == 0)
        point = 0;
    nd = sm_round_even(dg, nd, point + f.max_frac, 0, &point);
    sm_subformat(q, &f, neg, dg, nd, point, out, out_n);
    return 0;
}

/* ==== encode / decode (Encode, Decode: String.getBytes(charset), new String(b, charset)) ==== */

/* The code point at s[*i] as Java's UTF-8 decoder reads it, *i moved past it: U+FFFD for
   each maximal ill-formed subpart (a bad lead byte alone, or a lead and the continuation
   bytes that were valid before the sequence broke off). */
static uint32_t sm_utf8_next(const unsigned char *s, uint32_t n, uint32_t *i)
{
    uint32_t c = s[(*i)++];
    if (c < 0x80)
        return c;
    int need = c >= 0xC2 && c <= 0xDF ? 1 : c >= 0xE0 && c <= 0xEF ? 2 : c >= 0xF0 && c <= 0xF4 ? 3 : -1;
    if (need < 0)
        return 0xFFFD;
    uint32_t lo = c == 0xE0 ? 0xA0 : c == 0xF0 ? 0x90 : 0x80;
    uint32_t hi = c == 0xED ? 0x9F : c == 0xF4 ? 0x8F : 0xBF;
    uint32_t cp = c & (need == 1 ? 0x1F : need == 2 ? 0x0F : 0x07);
    for (int k = 0; k < need; k++) {
        if (*i >= n || s[*i] < (k ? 0x80 : lo) || s[*i] > (k ? 0xBF : hi))
            return 0xFFFD;
        cp = cp << 6 | (s[(*i)++] & 0x3F);
    }
    return cp;
}

static char *sm_put_utf8(char *p, uint32_t cp)
{
    if (cp < 0x80) {
        *p++ = (char)cp;
    } else if (cp < 0x800) {
        *p++ = (char)(0xC0 | cp >> 6);
        *p++ = (char)(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        *p++ = (char)(0xE0 | cp >> 12);
        *p++ = (char)(0x80 | (cp >> 6 & 0x3F));
        *p++ = (char)(0x80 | (cp & 0x3F));
    } else {
        *p++ = (char)(0xF0 | cp >> 18);
        *p++ = (char)(0x80 | (cp >> 12 & 0x3F));
        *p++ = (char)(0x80 | (cp >> 6 & 0x3F));
        *p++ = (char)(0x80 | (cp & 0x3F));
    }
    return p;
}

static char *sm_put_unit(char *p, uint32_t u, bool le)
{
    *p++ = (char)(le ? u & 0xFF : u >> 8);
    *p++ = (char)(le ? u >> 8 : u & 0xFF);
    return p;
}

static int sm_bad_charset(SrtQuery *q, const char *cs, uint32_t csn)
{
    char msg[160];
    snprintf(msg, sizeof msg, "java.io.UnsupportedEncodingException: %.*s", (int)(csn > 100 ? 100 : csn), cs);
    srt_query_fail(q, msg);
    return -1;
}

int srt_str_encode(SrtQuery *q, const char *s, uint32_t n, const char *cs, uint32_t csn,
                   const char **out, uint32_t *out_n)
{
    /* Encode: UTF8String.toString (UTF-8 read with U+FFFD for ill-formed bytes), then
       String.getBytes: '?' for a character ASCII or Latin-1 cannot hold (one for a
       surrogate pair); UTF-16 is big-endian after a byte-order mark (none for ''). */
    int code = cm_charset_code(cs, csn);
    *out = s;
    *out_n = 0;
    if (code < 0)
        return sm_bad_charset(q, cs, csn);
    const unsigned char *u = (const unsigned char *)s;
    char *o = srt_scratch_alloc(q, (size_t)n * 4 + 2), *p = o;
    if (code == CM_CS_UTF16 && n)
        p = sm_put_unit(p, 0xFEFF, false);
    for (uint32_t i = 0; i < n;) {
        uint32_t cp = sm_utf8_next(u, n, &i);
        switch (code) {
        case CM_CS_UTF8:
            p = sm_put_utf8(p, cp);
            break;
        case CM_CS_ASCII:
        case CM_CS_LATIN1:
            *p++ = cp < (code == CM_CS_ASCII ? 0x80u : 0x100u) ? (char)cp : '?';
            break;
        default:
            if (cp >= 0x10000) {
                p = sm_put_unit(p, 0xD800 | (cp - 0x10000) >> 10, code == CM_CS_UTF16LE);
                cp = 0xDC00 | ((cp - 0x10000) & 0x3FF);
            }
            p = sm_put_unit(p, cp, code == CM_CS_UTF16LE);
        }
    }
    *out = o;
    *out_n = (uint32_t)(p - o);
    return 0;
}

int srt_str_decode(SrtQuery *q, const char *b, uint32_t n, const char *cs, uint32_t csn,
                   const char **out, uint32_t *out_n)
{
    /* Decode: new String(bytes, charset) then UTF-8: U+FFFD for ill-formed UTF-8 (maximal
       subparts), ASCII bytes above 0x7F, an unpaired surrogate or an odd last byte of
       UTF-16; UTF-16 reads and drops a byte-order mark (big-endian without one). */
    int code = cm_charset_code(cs, csn);
    *out = b;
    *out_n = 0;
    if (code < 0)
        return sm_bad_charset(q, cs, csn);
    const unsigned char *u = (const unsigned char *)b;
    char *o = srt_scratch_alloc(q, (size_t)n * 3 + 4), *p = o;
    uint32_t i = 0;
    bool le = code == CM_CS_UTF16LE;
    if (code == CM_CS_UTF16 && n >= 2 && ((u[0] == 0xFE && u[1] == 0xFF) || (u[0] == 0xFF && u[1] == 0xFE))) {
        le = u[0] == 0xFF;
        i = 2;
    }
    while (i < n) {
        uint32_t cp;
        if (code == CM_CS_UTF8) {
            cp = sm_utf8_next(u, n, &i);
        } else if (code == CM_CS_ASCII || code == CM_CS_LATIN1) {
            cp = u[i++];
            if (code == CM_CS_ASCII && cp >= 0x80)
                cp = 0xFFFD;
        } else if (i + 1 >= n) {
            cp = 0xFFFD;
            i = n;
        } else {
            cp = le ? (uint32_t)(u[i] | u[i + 1] << 8) : (uint32_t)(u[i] << 8 | u[i + 1]);
            i += 2;
            if (cp >= 0xD800 && cp <= 0xDBFF && i + 1 < n) {
                uint32_t lo = le ? (uint32_t)(u[i] | u[i + 1] << 8) : (uint32_t)(u[i] << 8 | u[i + 1]);
                if (lo >= 0xDC00 && lo <= 0xDFFF) {
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                    i += 2;
                }
            }
            if (cp >= 0xD800 && cp <= 0xDFFF)
                cp = 0xFFFD;
        }
        p = sm_put_utf8(p, cp);
    }
    *out = o;
    *out_n = (uint32_t)(p - o);
    return 0;
}

/* BitwiseGet.nullSafeEval: BitwiseGetUtil.checkPosition(pos, bitSize), then
   (x.longValue() >> pos) & 1. */
int32_t srt_bit_get(SrtQuery *q, int64_t x, int32_t pos, int32_t bits)
{
    if (pos >= 0 && pos < bits)
        return (int32_t)((x >> pos) & 1);
    char msg[80];
    snprintf(msg, sizeof msg,
             pos < 0 ? "Invalid bit position: %d is less than zero"
                     : "Invalid bit position: %d exceeds the bit upper limit",
             (int)pos);
    srt_query_fail(q, msg);
    return 0;
}
