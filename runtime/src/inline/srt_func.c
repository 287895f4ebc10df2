/* srt_func.c - scalar functions with Spark's semantics (inline helpers): substring, trim,
** n-ary concat, round (HALF_UP on the decimal text, as Spark's BigDecimal), and parsing
** a timestamp with a Java DateTimeFormatter pattern (to_timestamp, unix_timestamp).
**
** substring and trim return slices of their input (no copy); concat writes to the
** query's scratch memory.  Invalid input gives -1 (NULL) as Spark's non-ANSI mode.
*/
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/cm_dtparse.h"
#include "common/cm_dtpattern.h"
#include "common/cm_time.h"
#include "common/cm_utf8.h"
#include "srt_abi.h"

/* ======================================================================
** Strings
** ====================================================================== */

/* The byte offset of code point k (or n when the text is shorter). */
static inline uint32_t f_skip_cps(const char *s, uint32_t n, uint32_t from, int64_t k)
{
    uint32_t i = from;
    for (int64_t c = 0; i < n && c < k; c++)
        i += cm_utf8_lead_len((unsigned char)s[i]);
    return i < n ? i : n;
}

void srt_str_substr(const char *s, uint32_t n, int32_t pos, int32_t len, const char **out,
                    uint32_t *out_n)
{
    /* UTF8String.substringSQL: 1-based, 0 acts as 1, negative counts from the end; the
       end is computed before the start is clamped, so substring('abc', -5, 3) is 'a'. */
    int64_t start = pos > 0 ? (int64_t)pos - 1 : 0;
    if (pos < 0) {
        int64_t chars = 0;
        for (uint32_t i = 0; i < n; i += cm_utf8_lead_len((unsigned char)s[i]))
            chars++;
        start = chars + pos;
    }
    int64_t end = start + (int64_t)len;
    if (start < 0)
        start = 0;
    *out = s;
    *out_n = 0;
    if (start >= end)
        return;
    uint32_t b = f_skip_cps(s, n, 0, start);
    uint32_t e = f_skip_cps(s, n, b, end - start);
    *out = s + b;
    *out_n = e - b;
}

void srt_str_trim(const char *s, uint32_t n, int32_t which, const char **out, uint32_t *out_n)
{
    uint32_t b = 0, e = n;
    if (which & SRT_TRIM_LEFT)
        while (b < e && s[b] == ' ')
            b++;
    if (which & SRT_TRIM_RIGHT)
        while (e > b && s[e - 1] == ' ')
            e--;
    *out = s + b;
    *out_n = e - b;
}

void srt_str_concat_n(SrtQuery *q, const char *const *ps, const uint32_t *ns, uint32_t k,
                      const char **out, uint32_t *out_n)
{
    size_t total = 0;
    for (uint32_t i = 0; i < k; i++)
        total += ns[i];
    char *o = srt_scratch_alloc(q, total ? total : 1);
    size_t at = 0;
    for (uint32_t i = 0; i < k; i++) {
        if (ns[i])
            memcpy(o + at, ps[i], ns[i]);
        at += ns[i];
    }
    *out = o;
    *out_n = (uint32_t)total;
}

/* ======================================================================
** concat_ws, lpad/rpad, repeat, reverse, instr/locate
** (Spark's stringExpressions.scala: ConcatWs, StringLPad/StringRPad, StringRepeat, Reverse,
** StringInstr, StringLocate; the work is done by UTF8String's methods named below)
** ====================================================================== */

/* Spark builds these results in a Java byte[]: a length beyond Integer.MAX_VALUE is
   Math.multiplyExact's / Math.toIntExact's ArithmeticException, which fails the query. */
static int f_too_long(SrtQuery *q, const char *fn, uint64_t bytes)
{
    if (bytes <= INT32_MAX)
        return 0;
    char msg[128];
    snprintf(msg, sizeof msg, "%s: integer overflow (the result would have %llu bytes)", fn,
             (unsigned long long)bytes);
    srt_query_fail(q, msg);
    return 1;
}

int srt_str_concat_ws(SrtQuery *q, const char *const *ps, const uint32_t *ns,
                      const uint8_t *kinds, uint32_t k, const char **out, uint32_t *out_n)
{
    /* ConcatWs: NULL parts (and NULL array elements) are skipped, the separator goes
       between the remaining ones (UTF8String.concatWs). */
    const char *sep = ps[0];
    uint32_t sep_n = ns[0];
    uint64_t total = 0, parts = 0;
    for (uint32_t i = 1; i < k; i++) {
        if (kinds[i] == SRT_WS_STRING) {
            total += ns[i];
            parts++;
        } else if (kinds[i] == SRT_WS_ARRAY) {
            const SrtDatum *e = (const SrtDatum *)(const void *)ps[i];
            for (uint32_t j = 0; j < ns[i]; j++)
                if (!e[j].is_null) {
                    total += e[j].n;
                    parts++;
                }
        }
    }
    if (parts > 1)
        total += (parts - 1) * (uint64_t)sep_n;
    *out = "";
    *out_n = 0;
    if (f_too_long(q, "concat_ws", total))
        return -1;
    char *o = srt_scratch_alloc(q, total ? total : 1);
    uint64_t at = 0, done = 0;
    for (uint32_t i = 1; i < k; i++) {
        uint32_t m = kinds[i] == SRT_WS_ARRAY ? ns[i] : kinds[i] == SRT_WS_STRING;
        for (uint32_t j = 0; j < m; j++) {
            const char *p = ps[i];
            uint32_t pn = ns[i];
            if (kinds[i] == SRT_WS_ARRAY) {
                const SrtDatum *e = (const SrtDatum *)(const void *)ps[i] + j;
                if (e->is_null)
                    continue;
                p = e->p;
                pn = e->n;
            }
            if (done++ && sep_n) {
                memcpy(o + at, sep, sep_n);
                at += sep_n;
            }
            if (pn)
                memcpy(o + at, p, pn);
            at += pn;
        }
    }
    *out = o;
    *out_n = (uint32_t)total;
    return 0;
}

/* Code points of s (UTF8String.numChars: one per lead byte). */
static int64_t f_num_chars(const char *s, uint32_t n)
{
    int64_t c = 0;
    for (uint32_t i = 0; i < n; i += cm_utf8_lead_len((unsigned char)s[i]))
        c++;
    return c;
}

static int f_pad(SrtQuery *q, const char *s, uint32_t n, int32_t len, const char *pad,
                 uint32_t pad_n, int left, const char **out, uint32_t *out_n)
{
    /* UTF8String.lpad/rpad: with nothing to add (or an empty pad) the result is
       substring(0, len), so a negative len gives ""; else the pad repeats (the last copy
       cut to fit) before (lpad) or after (rpad) the string. */
    int64_t spaces = (int64_t)len - f_num_chars(s, n);
    *out = s;
    if (spaces <= 0 || pad_n == 0) {
        *out_n = len > 0 ? f_skip_cps(s, n, 0, len) : 0;
        return 0;
    }
    int64_t pad_chars = f_num_chars(pad, pad_n);
    int64_t count = spaces / pad_chars;
    uint32_t remain = f_skip_cps(pad, pad_n, 0, spaces - pad_chars * count);
    uint64_t total = (uint64_t)n + (uint64_t)pad_n * (uint64_t)count + remain;
    *out_n = 0;
    if (f_too_long(q, left ? "lpad" : "rpad", total))
        return -1;
    char *o = srt_scratch_alloc(q, total);
    char *w = o;
    if (!left) {
        memcpy(w, s, n);
        w += n;
    }
    for (int64_t i = 0; i < count; i++, w += pad_n)
        memcpy(w, pad, pad_n);
    memcpy(w, pad, remain);
    w += remain;
    if (left && n)
        memcpy(w, s, n);
    *out = o;
    *out_n = (uint32_t)total;
    return 0;
}

int srt_str_lpad(SrtQuery *q, const char *s, uint32_t n, int32_t len, const char *pad,
                 uint32_t pad_n, const char **out, uint32_t *out_n)
{
    return f_pad(q, s, n, len, pad, pad_n, 1, out, out_n);
}

int srt_str_rpad(SrtQuery *q, const char *s, uint32_t n, int32_t len, const char *pad,
                 uint32_t pad_n, const char **out, uint32_t *out_n)
{
    return f_pad(q, s, n, len, pad, pad_n, 0, out, out_n);
}

/* UTF8String.find / rfind: the first byte position >= from (the last <= from) where d starts
   in s, or -1. */
static int64_t find_bytes(const char *s, uint32_t n, const char *d, uint32_t dn, int64_t from)
{
    for (int64_t i = from; i >= 0 && i + dn <= n; i++)
        if (memcmp(s + i, d, dn) == 0)
            return i;
    return -1;
}

static int64_t rfind_bytes(const char *s, uint32_t n, const char *d, uint32_t dn, int64_t from)
{
    for (int64_t i = from; i >= 0; i--)
        if (i + dn <= n && memcmp(s + i, d, dn) == 0)
            return i;
    return -1;
}

/* UTF8String.subStringIndex (Spark's SubstringIndex) */
void srt_str_substring_index(const char *s, uint32_t n, const char *d, uint32_t dn, int32_t count,
                             const char **out, uint32_t *out_n)
{
    *out = s;
    *out_n = 0;
    if (dn == 0 || count == 0)
        return;
    int64_t idx, c = count;
    if (c > 0) {
        idx = -1;
        for (; c > 0; c--)
            if ((idx = find_bytes(s, n, d, dn, idx + 1)) < 0) {
                *out_n = n; /* fewer delimiters: the whole string */
                return;
            }
        *out_n = (uint32_t)idx;
        return;
    }
    idx = (int64_t)n - dn + 1;
    for (c = -c; c > 0; c--)
        if ((idx = rfind_bytes(s, n, d, dn, idx - 1)) < 0) {
            *out_n = n;
            return;
        }
    *out = s + idx + dn;
    *out_n = (uint32_t)((int64_t)n - dn - idx);
}

int srt_str_repeat(SrtQuery *q, const char *s, uint32_t n, int32_t times, const char **out,
                   uint32_t *out_n)
{
    /* UTF8String.repeat: times <= 0 gives "". */
    *out = s;
    *out_n = 0;
    if (times <= 0 || n == 0)
        return 0;
    uint64_t total = (uint64_t)n * (uint64_t)times;
    if (f_too_long(q, "repeat", total))
        return -1;
    char *o = srt_scratch_alloc(q, total);
    for (int32_t i = 0; i < times; i++)
        memcpy(o + (uint64_t)i * n, s, n);
    *out = o;
    *out_n = (uint32_t)total;
    return 0;
}

void srt_str_reverse(SrtQuery *q, const char *s, uint32_t n, const char **out, uint32_t *out_n)
{
    /* UTF8String.reverse: the code points in reverse order, each keeping its bytes (a
       truncated sequence at the end stays one unit). */
    char *o = srt_scratch_alloc(q, n ? n : 1);
    for (uint32_t i = 0; i < n;) {
        uint32_t len = cm_utf8_lead_len((unsigned char)s[i]);
        if (len > n - i)
            len = n - i;
        memcpy(o + n - i - len, s + i, len);
        i += len;
    }
    *out = o;
    *out_n = n;
}

void srt_array_reverse(SrtQuery *q, const void *elems, uint32_t n, const void **out,
                       uint32_t *out_n)
{
    /* Reverse on an ArrayType: ArrayData.reverse, the elements in reverse order. */
    const SrtDatum *e = elems;
    SrtDatum *o = srt_scratch_alloc(q, (n ? n : 1) * sizeof *o);
    for (uint32_t i = 0; i < n; i++)
        o[i] = e[n - 1 - i];
    *out = o;
    *out_n = n;
}

void srt_array_join(SrtQuery *q, const void *elems, uint32_t n, const char *delim, uint32_t delim_n,
                    const char *rep, uint32_t rep_n, int32_t has_rep, const char **out,
                    uint32_t *out_n)
{
    /* ArrayJoin: the non-NULL elements (a NULL one as rep when given) with delim between. */
    const SrtDatum *e = elems;
    size_t size = 0;
    for (uint32_t i = 0; i < n; i++)
        size += (e[i].is_null ? rep_n : e[i].n) + delim_n;
    char *o = srt_scratch_alloc(q, size ? size : 1);
    uint32_t k = 0;
    int first = 1;
    for (uint32_t i = 0; i < n; i++) {
        if (e[i].is_null && !has_rep)
            continue;
        if (!first && delim_n) {
            memcpy(o + k, delim, delim_n);
            k += delim_n;
        }
        first = 0;
        const char *s = e[i].is_null ? rep : e[i].p;
        uint32_t sn = e[i].is_null ? rep_n : e[i].n;
        if (sn)
            memcpy(o + k, s, sn);
        k += sn;
    }
    *out = o;
    *out_n = k;
}

/* Spark's ordering of two non-NULL elements of kind SRT_COLLECT_*: doubles by
   SQLOrderingUtil.compareDoubles (equal values, -0.0 and 0.0 too, are equal; else
   Double.compare: NaN is the greatest), strings by their bytes (UTF8String.compareTo). */
static int a_cmp(const SrtDatum *x, const SrtDatum *y, int32_t kind)
{
    switch (kind) {
    case SRT_COLLECT_FLOAT:
    case SRT_COLLECT_DOUBLE:
        if (x->d == y->d || (isnan(x->d) && isnan(y->d)))
            return 0;
        if (isnan(x->d))
            return 1;
        if (isnan(y->d))
            return -1;
        return x->d < y->d ? -1 : 1;
    case SRT_COLLECT_DECIMAL: {
        srt_i128 a = (srt_i128)(((unsigned __int128)(uint64_t)x->hi << 64) | (uint64_t)x->i);
        srt_i128 b = (srt_i128)(((unsigned __int128)(uint64_t)y->hi << 64) | (uint64_t)y->i);
        return a < b ? -1 : a > b;
    }
    case SRT_COLLECT_STRING:
        return srt_str_cmp(x->p, x->n, y->p, y->n);
    default:
        return x->i < y->i ? -1 : x->i > y->i;
    }
}

/* SortArray's comparators: ascending puts NULLs first, descending last; ArraySort's
   default comparator (asc 2) is ascending with NULLs last. */
static int a_order(const SrtDatum *x, const SrtDatum *y, int32_t kind, int32_t asc)
{
    if (x->is_null || y->is_null)
        return x->is_null == y->is_null ? 0 : (x->is_null ? -1 : 1) * (asc == 1 ? 1 : -1);
    return asc ? a_cmp(x, y, kind) : -a_cmp(x, y, kind);
}

void srt_array_sort(SrtQuery *q, const void *elems, uint32_t n, int32_t kind, int32_t asc,
                    const void **out, uint32_t *out_n)
{
    /* A stable merge sort, as java.util.Arrays.sort of objects (TimSort) keeps equal
       elements in their order. */
    SrtDatum *a = srt_scratch_alloc(q, (n ? n : 1) * sizeof *a);
    SrtDatum *t = srt_scratch_alloc(q, (n ? n : 1) * sizeof *t);
    if (n)
        memcpy(a, elems, n * sizeof *a); /* a NULL or empty array may have no elements */
    for (uint32_t w = 1; w < n; w *= 2) {
        for (uint32_t lo = 0; lo < n; lo += 2 * w) {
            uint32_t mid = lo + w < n ? lo + w : n, hi = lo + 2 * w < n ? lo + 2 * w : n;
            uint32_t i = lo, j = mid, k = lo;
            while (i < mid && j < hi)
                t[k++] = a_order(&a[j], &a[i], kind, asc) < 0 ? a[j++] : a[i++];
            while (i < mid)
                t[k++] = a[i++];
            while (j < hi)
                t[k++] = a[j++];
        }
        SrtDatum *s = a;
        a = t;
        t = s;
    }
    *out = a;
    *out_n = n;
}

void srt_array_distinct(SrtQuery *q, const void *elems, uint32_t n, int32_t kind, const void **out,
                        uint32_t *out_n)
{
    /* ArrayDistinct: the first of equal elements, in order; one NULL, one NaN.  Doubles are
       keys of a hash set of boxed doubles (SQLOpenHashSet), so 0.0 and -0.0 (different
       hashes) stay apart: equal means equal bits here. */
    const SrtDatum *e = elems;
    SrtDatum *o = srt_scratch_alloc(q, (n ? n : 1) * sizeof *o);
    uint32_t k = 0;
    for (uint32_t i = 0; i < n; i++) {
        uint32_t j = 0;
        for (; j < k; j++) {
            const SrtDatum *x = &e[i], *y = &o[j];
            if (x->is_null || y->is_null) {
                if (x->is_null && y->is_null)
                    break;
                continue;
            }
            if (kind == SRT_COLLECT_FLOAT || kind == SRT_COLLECT_DOUBLE) {
                if ((isnan(x->d) && isnan(y->d)) || memcmp(&x->d, &y->d, sizeof x->d) == 0)
                    break;
            } else if (kind == SRT_COLLECT_STRING
                           ? srt_str_cmp(x->p, x->n, y->p, y->n) == 0
                           : x->i == y->i && (kind != SRT_COLLECT_DECIMAL || x->hi == y->hi)) {
                break;
            }
        }
        if (j == k)
            o[k++] = e[i];
    }
    *out = o;
    *out_n = k;
}

int32_t srt_str_locate(const char *s, uint32_t n, const char *sub, uint32_t sub_n, int32_t pos)
{
    /* StringLocate: pos < 1 gives 0; else UTF8String.indexOf(sub, pos - 1) + 1, where an
       empty sub is found at 0 whatever the start (so the result is 1), and the search
       starts at code point pos - 1 (instr is locate from 1). */
    if (pos < 1)
        return 0;
    if (sub_n == 0)
        return 1;
    uint32_t i = 0;
    int64_t c = 0;
    while (i < n && c < (int64_t)pos - 1) {
        i += cm_utf8_lead_len((unsigned char)s[i]);
        c++;
    }
    for (;;) {
        if ((uint64_t)i + sub_n > n)
            return 0;
        if (memcmp(s + i, sub, sub_n) == 0)
            return (int32_t)(c + 1);
        i += cm_utf8_lead_len((unsigned char)s[i]);
        c++;
        if (i >= n)
            return 0;
    }
}
int32_t srt_str_instr(const char *s, uint32_t n, const char *sub, uint32_t sub_n)
{
    return srt_str_locate(s, n, sub, sub_n, 1); /* StringInstr: indexOf(sub, 0) + 1 */
}

/* ======================================================================
** Rounding
** ====================================================================== */

double srt_round_f64(double x, int32_t d, int32_t mode)
{
    /* Spark: BigDecimal(Double.toString(x)).setScale(d, mode).toDouble. */
    if (isnan(x) || isinf(x))
        return x;
    char txt[40];
    uint32_t tn = srt_fmt_double(x, txt);
    char dig[40];
    int nd = 0, point = 0, seen_point = 0, neg = 0;
    long exp10 = 0;
    for (uint32_t i = 0; i < tn; i++) {
        char c = txt[i];
        if (c == '-')
            neg = 1;
        else if (c == '.')
            seen_point = 1;
        else if (c == 'E') {
            exp10 = strtol(txt + i + 1, NULL, 10);
            break;
        } else if (c >= '0' && c <= '9') {
            if (nd == 0 && c == '0') { /* leading zeros shift the point */
                if (seen_point)
                    point--;
                continue;
            }
            dig[nd++] = c;
            if (!seen_point)
                point++;
        }
    }
    if (nd == 0)
        return 0.0;
    /* value = 0.dig * 10^point; keep the digits whose place is >= 10^-d. */
    long p = (long)point + exp10 + d;
    if (p >= nd)
        return x;
    if (p < 0)
        return 0.0;
    int keep = (int)p;
    int up = dig[p] > '5' || (dig[p] == '5' && mode == SRT_DEC_HALF_UP);
    if (dig[p] == '5' && mode == SRT_DEC_HALF_EVEN) { /* a tie only if nothing follows */
        int more = 0;
        for (int i = keep + 1; i < nd; i++)
            more |= dig[i] != '0';
        up = more || (keep > 0 && (dig[keep - 1] - '0') % 2 == 1);
    }
    long e = (long)point + exp10;
    if (up) {
        int i = keep - 1;
        while (i >= 0 && dig[i] == '9')
            dig[i--] = '0';
        if (i >= 0) {
            dig[i]++;
        } else { /* 99.5 -> 100: one more digit in front */
            memmove(dig + 1, dig, (size_t)keep);
            dig[0] = '1';
            keep++;
            e++;
        }
    }
    if (keep == 0)
        return 0.0;
    char buf[64];
    int k = 0;
    if (neg)
        buf[k++] = '-';
    buf[k++] = '0';
    buf[k++] = '.';
    memcpy(buf + k, dig, (size_t)keep);
    k += keep;
    buf[k++] = 'e';
    long ae = e < 0 ? -e : e;
    if (e < 0)
        buf[k++] = '-';
    char tmp[24];
    int tk = 0;
    do {
        tmp[tk++] = (char)('0' + ae % 10);
        ae /= 10;
    } while (ae);
    while (tk)
        buf[k++] = tmp[--tk];
    buf[k] = '\0';
    return strtod(buf, NULL);
}

int64_t srt_round_i64(int64_t x, int32_t d, int32_t mode)
{
    if (d >= 0)
        return x;
    if (d < -38)
        return 0;
    __int128 pow = 1;
    for (int32_t i = 0; i < -d; i++)
        pow *= 10;
    __int128 v = x, q = v / pow, r = v % pow;
    if (r < 0)
        r = -r;
    if (2 * r > pow || (2 * r == pow && (mode == SRT_DEC_HALF_UP || q % 2 != 0)))
        q += x < 0 ? -1 : 1;
    /* Java's longValue(): the low 64 bits of the exact result. */
    return (int64_t)(uint64_t)(unsigned __int128)(q * pow);
}

/* ======================================================================
** Parsing with a Java DateTimeFormatter pattern (common/cm_dtparse.c)
** ====================================================================== */

int srt_ts_parse_fmt(const char *s, uint32_t n, const char *fmt, uint32_t fmt_n, int64_t *out_us)
{
    int64_t local_s, micros, off_s;
    if (cm_dt_parse(s, n, fmt, fmt_n, srt_zone_region, &local_s, &micros, &off_s) < 0)
        return -1;
    *out_us = (local_s - off_s) * CM_US_PER_SECOND + micros;
    return 0;
}

/* Iso8601TimestampFormatter.parseWithoutTimeZone(s, allowTimeZone = true), to_timestamp_ntz's
   GetTimestamp: the local date-time read, a zone it names dropped. */
int srt_ts_ntz_parse_fmt(const char *s, uint32_t n, const char *fmt, uint32_t fmt_n,
                         int64_t *out_us)
{
    int64_t local_s, micros, off_s;
    if (cm_dt_parse(s, n, fmt, fmt_n, srt_zone_region, &local_s, &micros, &off_s) < 0)
        return -1;
    *out_us = local_s * CM_US_PER_SECOND + micros;
    return 0;
}

char *srt_sql_string_value(SrtQuery *q, const char *s, uint32_t n)
{
    char *v = srt_scratch_alloc(q, 2 * (size_t)n + 3);
    cm_sql_string_value(s, n, v);
    return v;
}

/* A text the pattern rejects (DateTimeFormatterHelper.checkParsedDiff under Spark 3.5's
   default spark.sql.legacy.timeParserPolicy = EXCEPTION): when the legacy parser accepts it,
   the query fails with QueryExecutionErrors.failToParseDateTimeInNewParserError's
   SparkUpgradeException; else the value is NULL.  -1 either way. */
static int f_parse_failed(SrtQuery *q, const char *s, uint32_t n, const char *fmt, uint32_t fmt_n)
{
    if (!cm_dt_legacy_accepts(s, n, fmt, fmt_n))
        return -1;
    const char *v = srt_sql_string_value(q, s, n);
    size_t cap = strlen(v) + 400;
    char *msg = srt_scratch_alloc(q, cap);
    snprintf(msg, cap,
             "[INCONSISTENT_BEHAVIOR_CROSS_VERSION.PARSE_DATETIME_BY_NEW_PARSER] You may get a "
             "different result due to the upgrading to Spark >= 3.0:\nFail to parse %s in the "
             "new parser. You can set \"spark.sql.legacy.timeParserPolicy\" to \"LEGACY\" to "
             "restore the behavior before Spark 3.0, or set to \"CORRECTED\" and treat it as an "
             "invalid datetime string.",
             v);
    srt_query_fail(q, msg);
    return -1;
}

int srt_ts_parse_fn(SrtQuery *q, const char *s, uint32_t n, const char *fmt, uint32_t fmt_n,
                    int64_t *out_us)
{
    if (srt_ts_parse_fmt(s, n, fmt, fmt_n, out_us) == 0)
        return 0;
    return f_parse_failed(q, s, n, fmt, fmt_n);
}

int srt_ts_ntz_parse_fn(SrtQuery *q, const char *s, uint32_t n, const char *fmt, uint32_t fmt_n,
                        int64_t *out_us)
{
    if (srt_ts_ntz_parse_fmt(s, n, fmt, fmt_n, out_us) == 0)
        return 0;
    return f_parse_failed(q, s, n, fmt, fmt_n);
}

/* Iso8601DateFormatter.parse: toLocalDate of what the pattern read, whatever zone or time
   it names too. */
int srt_date_parse_fmt(const char *s, uint32_t n, const char *fmt, uint32_t fmt_n, int64_t *out_us)
{
    int64_t local_s, micros, off_s;
    if (cm_dt_parse(s, n, fmt, fmt_n, srt_zone_region, &local_s, &micros, &off_s) < 0)
        return -1;
    *out_us = cm_floordiv(local_s, 86400) * 86400 * CM_US_PER_SECOND;
    return 0;
}
