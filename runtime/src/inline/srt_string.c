/* srt_string.c - string functions on UTF-8 bytes with Spark's semantics: comparison,
** LIKE, length, lower/upper, concatenation (inline helpers).
*/
#include <string.h>

#include "common/cm_like.h"
#include "common/cm_utf8.h"
#include "srt_abi.h"

int srt_str_cmp(const char *a, uint32_t an, const char *b, uint32_t bn)
{
    uint32_t n = an < bn ? an : bn;
    int c = n ? memcmp(a, b, n) : 0;
    if (c)
        return c;
    return an < bn ? -1 : an > bn;
}

/* Bytes of the UTF-8 sequence starting at s[i] (1 for invalid lead bytes), within n. */
static inline uint32_t s_cp_len(const char *s, uint32_t i, uint32_t n)
{
    uint32_t k = cm_utf8_lead_len((unsigned char)s[i]);
    return i + k <= n ? k : n - i;
}

int srt_like(SrtQuery *q, const char *s, uint32_t n, const char *pat, uint32_t pat_n, uint32_t esc,
             int32_t checked)
{
    char msg[512];
    if (!checked && cm_like_check(pat, pat_n, esc, msg, sizeof msg) < 0) {
        if (q)
            srt_query_fail(q, msg);
        return -1;
    }
    uint32_t si = 0, pi = 0;
    uint32_t star_p = UINT32_MAX, star_s = 0;
    while (si < n) {
        if (pi < pat_n) {
            size_t at = pi, next = pi;
            uint32_t c = cm_utf8_next(pat, pat_n, &next);
            if (c == esc) { /* valid: a literal follows */
                at = next;
                cm_utf8_next(pat, pat_n, &next);
            } else if (c == '%') {
                star_p = pi = (uint32_t)next;
                star_s = si;
                continue;
            } else if (c == '_') {
                si += s_cp_len(s, si, n);
                pi = (uint32_t)next;
                continue;
            }
            size_t len = next - at;
            if (si + len <= n && memcmp(s + si, pat + at, len) == 0) {
                si += (uint32_t)len;
                pi = (uint32_t)next;
                continue;
            }
        }
        if (star_p == UINT32_MAX)
            return 0;
        /* Let the last % absorb one more code point and retry. */
        star_s += s_cp_len(s, star_s, n);
        si = star_s;
        pi = star_p;
    }
    while (pi < pat_n && pat[pi] == '%' && esc != '%') /* trailing %s match nothing */
        pi++;
    return pi == pat_n;
}

int64_t srt_str_length(const char *s, uint32_t n)
{
    int64_t k = 0;
    for (uint32_t i = 0; i < n; i++)
        k += ((unsigned char)s[i] & 0xC0) != 0x80;
    return k;
}

/* Spark's UTF8String.toUpperCase/toLowerCase: ASCII text byte by byte; any other text as
   Java's String.toUpperCase/toLowerCase (srt_str_case_full, which may lengthen it: ß -> SS). */
static void s_case(SrtQuery *q, const char *s, uint32_t n, const char **out, uint32_t *out_n,
                   int upper)
{
    uint32_t i = 0, change = n;
    for (; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x80)
            break;
        if (change == n && (upper ? (c >= 'a' && c <= 'z') : (c >= 'A' && c <= 'Z')))
            change = i;
    }
    if (i < n) { /* not all ASCII: at most 3 bytes out per byte in (U+FFFD for a bad byte) */
        uint32_t *cps = srt_scratch_alloc(q, (size_t)n * sizeof *cps);
        char *o = srt_scratch_alloc(q, (size_t)n * 3);
        *out_n = srt_str_case_full(s, n, cps, o, upper);
        *out = o;
        return;
    }
    if (change == n) { /* nothing to change: no copy */
        *out = s;
        *out_n = n;
        return;
    }
    char *o = srt_scratch_alloc(q, n);
    for (i = 0; i < n; i++) {
        char c = s[i];
        o[i] = upper ? (c >= 'a' && c <= 'z' ? (char)(c - 32) : c) : (c >= 'A' && c <= 'Z' ? (char)(c + 32) : c);
    }
    *out = o;
    *out_n = n;
}

void srt_str_lower(SrtQuery *q, const char *s, uint32_t n, const char **out, uint32_t *out_n)
{
    s_case(q, s, n, out, out_n, 0);
}

void srt_str_upper(SrtQuery *q, const char *s, uint32_t n, const char **out, uint32_t *out_n)
{
    s_case(q, s, n, out, out_n, 1);
}

void srt_str_concat(SrtQuery *q, const char *a, uint32_t an, const char *b, uint32_t bn,
                    const char **out, uint32_t *out_n)
{
    char *o = srt_scratch_alloc(q, (size_t)an + bn);
    if (an)
        memcpy(o, a, an);
    if (bn)
        memcpy(o + an, b, bn);
    *out = o;
    *out_n = an + bn;
}
