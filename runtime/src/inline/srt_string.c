/* srt_string.c - string functions on UTF-8 bytes with Spark's semantics: comparison,
** LIKE, length, lower/upper, concatenation (inline helpers).
*/
#include <string.h>

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
    unsigned char c = (unsigned char)s[i];
    uint32_t k = c < 0xC0 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    return i + k <= n ? k : n - i;
}

int srt_like(const char *s, uint32_t n, const char *pat, uint32_t pat_n)
{
    uint32_t si = 0, pi = 0;
    uint32_t star_p = UINT32_MAX, star_s = 0;
    while (si < n) {
        if (pi < pat_n) {
            char c = pat[pi];
            if (c == '%') {
                star_p = ++pi;
                star_s = si;
                continue;
            }
            if (c == '_') {
                si += s_cp_len(s, si, n);
                pi++;
                continue;
            }
            uint32_t lit = pi, used = 0;
            if (c == '\\' && pi + 1 < pat_n) {
                lit = pi + 1;
                used = 1;
            }
            uint32_t len = s_cp_len(pat, lit, pat_n);
            used += len;
            if (si + len <= n && memcmp(s + si, pat + lit, len) == 0) {
                si += len;
                pi += used;
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
    while (pi < pat_n && pat[pi] == '%')
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

/* Case mapping of ASCII and the Latin-1 supplement; never lengthens the text. */
static uint32_t s_map_case(const char *s, uint32_t n, char *o, int upper)
{
    uint32_t k = 0;
    for (uint32_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) {
            if (upper && c >= 'a' && c <= 'z')
                c = (unsigned char)(c - 32);
            else if (!upper && c >= 'A' && c <= 'Z')
                c = (unsigned char)(c + 32);
            o[k++] = (char)c;
            continue;
        }
        if (i + 1 < n && (c == 0xC3 || c == 0xC2)) {
            unsigned char d = (unsigned char)s[i + 1];
            if (c == 0xC3 && !upper && d >= 0x80 && d <= 0x9E && d != 0x97)
                d = (unsigned char)(d + 0x20);
            else if (c == 0xC3 && upper && d >= 0xA0 && d <= 0xBE && d != 0xB7)
                d = (unsigned char)(d - 0x20);
            else if (c == 0xC3 && upper && d == 0xBF) { /* ÿ -> Ÿ */
                o[k++] = (char)0xC5;
                o[k++] = (char)0xB8;
                i++;
                continue;
            } else if (c == 0xC3 && upper && d == 0x9F) { /* ß -> SS */
                o[k++] = 'S';
                o[k++] = 'S';
                i++;
                continue;
            } else if (c == 0xC2 && upper && d == 0xB5) { /* µ -> Μ */
                o[k++] = (char)0xCE;
                o[k++] = (char)0x9C;
                i++;
                continue;
            }
            o[k++] = (char)c;
            o[k++] = (char)d;
            i++;
            continue;
        }
        o[k++] = (char)c;
    }
    return k;
}

static void s_case(SrtQuery *q, const char *s, uint32_t n, const char **out, uint32_t *out_n,
                   int upper)
{
    uint32_t i = 0;
    /* Fast path: nothing to change means no copy. */
    for (; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x80 || (upper ? (c >= 'a' && c <= 'z') : (c >= 'A' && c <= 'Z')))
            break;
    }
    if (i == n) {
        *out = s;
        *out_n = n;
        return;
    }
    char *o = srt_scratch_alloc(q, n);
    memcpy(o, s, i);
    *out_n = i + s_map_case(s + i, n - i, o + i, upper);
    *out = o;
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
