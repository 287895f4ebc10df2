/* srt_strfn.c - more string functions with Spark's semantics (inline helpers): translate,
** replace, chr, ascii, octet_length, bit_length, contains/startswith/endswith, btrim with
** characters, split_part.
**
** Text is UTF-8 counted in code points as Spark's UTF8String does (common/cm_utf8.h: an invalid
** lead byte is one unit); results are slices of an argument or in the query's scratch
** memory.  Bodies see non-NULL values only (codegen handles NULL).
*/
#include <stdio.h>
#include <string.h>

#include "common/cm_utf8.h"
#include "srt_abi.h"

/* The bytes of the code point at s[i] (cut at n). */
static inline uint32_t sf_cp_len(const char *s, uint32_t n, uint32_t i)
{
    uint32_t len = cm_utf8_lead_len((unsigned char)s[i]);
    return len > n - i ? n - i : len;
}

/* Is the code point c[0..cn) one of the code points of set[0..sn)? */
static int sf_in_set(const char *c, uint32_t cn, const char *set, uint32_t sn)
{
    for (uint32_t j = 0; j < sn;) {
        uint32_t len = sf_cp_len(set, sn, j);
        if (len == cn && memcmp(set + j, c, cn) == 0)
            return 1;
        j += len;
    }
    return 0;
}

void srt_str_translate(SrtQuery *q, const char *s, uint32_t n, const char *from, uint32_t fn,
                       const char *to, uint32_t tn, const char **out, uint32_t *out_n)
{
    /* StringTranslate.buildDict and UTF8String.translate: the i-th code point of from maps
       to the i-th of to (the first mapping of a repeated one wins), to "\0" past the end of
       to, and a code point mapped to "\0" is deleted; the others are kept.  A result never
       grows longer than 4 bytes per input code point. */
    char *o = srt_scratch_alloc(q, (size_t)n * 4 + 1);
    uint32_t at = 0;
    for (uint32_t i = 0; i < n;) {
        uint32_t len = sf_cp_len(s, n, i);
        const char *rep = NULL;
        uint32_t rep_n = 0;
        int found = 0;
        for (uint32_t f = 0, t = 0; f < fn && !found;) {
            uint32_t flen = sf_cp_len(from, fn, f);
            uint32_t tlen = t < tn ? sf_cp_len(to, tn, t) : 0;
            if (flen == len && memcmp(from + f, s + i, len) == 0) {
                found = 1;
                rep = to + t;
                rep_n = tlen;
            }
            f += flen;
            t += tlen;
        }
        if (!found) {
            memcpy(o + at, s + i, len);
            at += len;
        } else if (rep_n > 0 && !(rep_n == 1 && rep[0] == '\0')) {
            memcpy(o + at, rep, rep_n);
            at += rep_n;
        }
        i += len;
    }
    *out = o;
    *out_n = at;
}

void srt_str_replace(SrtQuery *q, const char *s, uint32_t n, const char *search, uint32_t sn,
                     const char *rep, uint32_t rn, const char **out, uint32_t *out_n)
{
    /* UTF8String.replace: s itself when s or search is empty; else every occurrence, left
       to right without overlapping, replaced. */
    *out = s;
    *out_n = n;
    if (n == 0 || sn == 0)
        return;
    uint64_t hits = 0;
    for (uint32_t i = 0; (uint64_t)i + sn <= n;) {
        if (memcmp(s + i, search, sn) == 0)
            hits++, i += sn;
        else
            i++;
    }
    if (hits == 0)
        return;
    uint64_t total = n + hits * rn - hits * sn;
    if (total > INT32_MAX) {
        srt_query_fail(q, "replace: the result would be longer than 2147483647 bytes");
        *out_n = 0;
        return;
    }
    char *o = srt_scratch_alloc(q, total ? total : 1);
    uint32_t at = 0, i = 0;
    while (i < n) {
        if ((uint64_t)i + sn <= n && memcmp(s + i, search, sn) == 0) {
            memcpy(o + at, rep, rn);
            at += rn;
            i += sn;
        } else {
            o[at++] = s[i++];
        }
    }
    *out = o;
    *out_n = at;
}

void srt_str_chr(SrtQuery *q, int64_t v, const char **out, uint32_t *out_n)
{
    /* Chr: '' for v < 0, else the character (char)(v & 0xFF) (U+0000 when that is 0). */
    char *o = srt_scratch_alloc(q, 2);
    *out = o;
    *out_n = v < 0 ? 0 : cm_utf8_put((uint32_t)(v & 0xFF), o);
}

int32_t srt_str_ascii(const char *s, uint32_t n)
{
    /* Ascii: the code point of the first character (String.codePointAt(0)), 0 for ''. */
    if (n == 0)
        return 0;
    const unsigned char *u = (const unsigned char *)s;
    uint32_t len = sf_cp_len(s, n, 0);
    static const unsigned char lead_mask[5] = {0, 0x7F, 0x1F, 0x0F, 0x07};
    /* invalid UTF-8 decodes to the replacement character, as Java's new String does */
    if ((u[0] >= 0x80 && u[0] < 0xC0) || u[0] >= 0xF8 || len != cm_utf8_lead_len(u[0]))
        return 0xFFFD;
    int32_t cp = u[0] & lead_mask[len];
    for (uint32_t i = 1; i < len; i++) {
        if ((u[i] & 0xC0) != 0x80)
            return 0xFFFD;
        cp = (cp << 6) | (u[i] & 0x3F);
    }
    return cp;
}

int32_t srt_str_octet_length(const char *s, uint32_t n)
{
    (void)s;
    return (int32_t)n; /* OctetLength: the bytes */
}

int32_t srt_str_bit_length(const char *s, uint32_t n)
{
    (void)s;
    return (int32_t)(n * 8u); /* BitLength: bytes * 8 (an int) */
}

int32_t srt_str_has(const char *s, uint32_t n, const char *t, uint32_t tn, int32_t where)
{
    /* Contains, StartsWith, EndsWith (UTF8String.contains/startsWith/endsWith): bytes; an
       empty t is in every string. */
    if (tn > n)
        return 0;
    switch (where) {
    case SRT_HAS_PREFIX:
        return memcmp(s, t, tn) == 0;
    case SRT_HAS_SUFFIX:
        return memcmp(s + n - tn, t, tn) == 0;
    default:
        for (uint32_t i = 0; i + tn <= n; i++)
            if (memcmp(s + i, t, tn) == 0)
                return 1;
        return 0;
    }
}

void srt_str_trim_chars(const char *s, uint32_t n, const char *chars, uint32_t cn, int32_t which,
                        const char **out, uint32_t *out_n)
{
    /* UTF8String.trim(trimString) / trimLeft / trimRight: drop the code points found in
       chars from the start and the end. */
    uint32_t b = 0, e = n;
    if (which & SRT_TRIM_LEFT)
        while (b < e) {
            uint32_t len = sf_cp_len(s, e, b);
            if (!sf_in_set(s + b, len, chars, cn))
                break;
            b += len;
        }
    if (which & SRT_TRIM_RIGHT) { /* code points found from the start, as UTF8String does */
        uint32_t run = e;             /* the start of the trailing run of trimmed ones */
        for (uint32_t i = b; i < e;) {
            uint32_t len = sf_cp_len(s, e, i);
            if (!sf_in_set(s + i, len, chars, cn))
                run = e;
            else if (run == e)
                run = i;
            i += len;
        }
        e = run;
    }
    *out = s + b;
    *out_n = e - b;
}

int srt_str_split_part(SrtQuery *q, const char *s, uint32_t n, const char *d, uint32_t dn,
                       int32_t idx, const char **out, uint32_t *out_n)
{
    /* SplitPart: ElementAt(StringSplitSQL(s, d), idx, ''): the parts of s between the
       occurrences of d (s itself for an empty d; leading and trailing empty parts kept),
       1-based, negative from the end, '' past either end; 0 fails. */
    *out = s;
    *out_n = 0;
    if (idx == 0) {
        srt_query_fail(q, "[INVALID_INDEX_OF_ZERO] The index 0 is invalid. An index shall be "
                          "either < 0 or > 0 (the first element has index 1).");
        return -1;
    }
    uint32_t parts = 1;
    for (uint32_t i = 0; dn > 0 && (uint64_t)i + dn <= n;) {
        if (memcmp(s + i, d, dn) == 0)
            parts++, i += dn;
        else
            i++;
    }
    int64_t want = idx > 0 ? (int64_t)idx - 1 : (int64_t)parts + idx;
    if (want < 0 || want >= parts)
        return 0;
    uint32_t b = 0, k = 0;
    for (uint32_t i = 0; dn > 0 && (uint64_t)i + dn <= n;) {
        if (memcmp(s + i, d, dn) != 0) {
            i++;
            continue;
        }
        if (k == want) {
            *out = s + b;
            *out_n = i - b;
            return 0;
        }
        k++;
        i += dn;
        b = i;
    }
    *out = s + b;
    *out_n = n - b;
    return 0;
}
