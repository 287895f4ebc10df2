/* srt_case.c - upper/lower of non-ASCII text as Java's String.toUpperCase/toLowerCase.
**
** Spark's UTF8String.toUpperCase/toLowerCase map ASCII-only text byte by byte and hand any
** other text to Java (toString().toUpperCase(), default locale, taken as Locale.ROOT):
**   - upper: SpecialCasing's unconditional full mappings (ß -> SS, ŉ -> ʼN, ᾳ -> ΑΙ,
**     ﬁ -> FI), else the simple mapping of UnicodeData (ǅ -> Ǆ, ı -> I, µ -> Μ);
**   - lower: the simple mapping, but İ (U+0130) becomes i̇ (i, U+0307) and Σ becomes ς when
**     it ends a word (Java's ConditionalSpecialCasing Final_Sigma: a cased letter before it
**     in the word, none after; words are runs of letters, marks and digits);
**   - ill-formed UTF-8 decodes to U+FFFD as Java's decoder does (see decode).
** Also Java's Character.getType (Lu, Ll, Nd) and Character.digit of a char, for mask,
** luhn_check and url_decode (srt_strjava.c).
** Tables: srt_case_table.h (scripts/gen_case_tables.py).
*/
#include <stddef.h>

#include "common/cm_utf8.h"
#include "srt_int.h"
#include "srt_case_table.h"

#define N_OF(a) (sizeof(a) / sizeof((a)[0]))

/* Index of cp in the first column of t[n][w] (sorted), or -1. */
static long find(const uint32_t *t, size_t n, size_t w, uint32_t cp)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        uint32_t k = t[mid * w];
        if (k == cp)
            return (long)mid;
        if (k < cp)
            lo = mid + 1;
        else
            hi = mid;
    }
    return -1;
}

/* Is cp inside one of the [start, end] ranges of t (sorted, disjoint)? */
static int in_ranges(const uint32_t (*t)[2], size_t n, uint32_t cp)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (cp < t[mid][0])
            hi = mid;
        else if (cp > t[mid][1])
            lo = mid + 1;
        else
            return 1;
    }
    return 0;
}

static uint32_t simple(const uint32_t (*t)[2], size_t n, uint32_t cp)
{
    long i = find(&t[0][0], n, 2, cp);
    return i < 0 ? cp : t[i][1];
}

static int is_word(uint32_t cp) { return in_ranges(case_word, N_OF(case_word), cp); }
static int is_cased(uint32_t cp) { return in_ranges(case_cased, N_OF(case_cased), cp); }

/* A word boundary before cps[i] (0 < i < n): not both sides word code points. */
static int boundary(const uint32_t *cps, uint32_t n, uint32_t i)
{
    return i == 0 || i >= n || !(is_word(cps[i - 1]) && is_word(cps[i]));
}

/* Java's ConditionalSpecialCasing.isFinalCased for the Σ at cps[at]. */
static int final_sigma(const uint32_t *cps, uint32_t n, uint32_t at)
{
    for (uint32_t i = at; !boundary(cps, n, i); i--) {
        if (is_cased(cps[i - 1])) {
            for (uint32_t j = at + 1; j < n && !boundary(cps, n, j); j++)
                if (is_cased(cps[j]))
                    return 0;
            return 1;
        }
    }
    return 0;
}

/* One code point from s[*i] (advancing *i).  Ill-formed input gives U+FFFD as Java's UTF-8
   decoder does: one per maximal subpart (the lead byte and the continuation bytes that could
   still have completed it), one for a whole encoded surrogate. */
static uint32_t decode(const unsigned char *s, uint32_t n, uint32_t *i)
{
    uint32_t c = s[*i], k, cp;
    unsigned char lo = 0x80, hi = 0xBF; /* the valid range of the second byte */
    (*i)++;
    if (c < 0x80)
        return c;
    if (c >= 0xC2 && c <= 0xDF)
        k = 1, cp = c & 0x1F;
    else if (c >= 0xE0 && c <= 0xEF)
        k = 2, cp = c & 0x0F, lo = c == 0xE0 ? 0xA0 : 0x80;
    else if (c >= 0xF0 && c <= 0xF4)
        k = 3, cp = c & 0x07, lo = c == 0xF0 ? 0x90 : 0x80, hi = c == 0xF4 ? 0x8F : 0xBF;
    else
        return 0xFFFD;
    for (uint32_t j = 0; j < k; j++, lo = 0x80, hi = 0xBF) {
        if (*i >= n || s[*i] < lo || s[*i] > hi)
            return 0xFFFD;
        cp = (cp << 6) | (s[(*i)++] & 0x3F);
    }
    /* An encoded surrogate (ED A0..BF xx) is one U+FFFD for all three bytes, as in Java's
       decoder (String(byte[], UTF_8)), not one per maximal subpart. */
    return cp >= 0xD800 && cp <= 0xDFFF ? 0xFFFD : cp;
}

uint32_t srt_utf8_decode(const char *s, uint32_t n, uint32_t *i)
{
    return decode((const unsigned char *)s, n, i);
}

uint32_t srt_str_case_full(const char *s, uint32_t n, uint32_t *cps, char *out, int upper)
{
    uint32_t m = 0;
    for (uint32_t i = 0; i < n;)
        cps[m++] = decode((const unsigned char *)s, n, &i);
    uint32_t k = 0;
    for (uint32_t i = 0; i < m; i++) {
        uint32_t cp = cps[i];
        if (upper) {
            long sp = find(&case_special_upper[0][0], N_OF(case_special_upper), 4, cp);
            if (sp >= 0) {
                for (int j = 1; j < 4 && case_special_upper[sp][j]; j++)
                    k += cm_utf8_put(case_special_upper[sp][j], out + k);
                continue;
            }
            k += cm_utf8_put(simple(case_upper, N_OF(case_upper), cp), out + k);
        } else if (cp == 0x130) { /* İ: i + COMBINING DOT ABOVE outside tr/az */
            k += cm_utf8_put(0x69, out + k);
            k += cm_utf8_put(0x307, out + k);
        } else if (cp == 0x3A3) {
            k += cm_utf8_put(final_sigma(cps, m, i) ? 0x3C2 : 0x3C3, out + k);
        } else {
            k += cm_utf8_put(simple(case_lower, N_OF(case_lower), cp), out + k);
        }
    }
    return k;
}

/* Java's Character.toTitleCase(char): the titlecase mapping, else the simple uppercase one;
   code points beyond the BMP are two chars (surrogates) that it leaves alone. */
static uint32_t title(uint32_t cp)
{
    if (cp > 0xFFFF)
        return cp;
    long i = find(&case_title[0][0], N_OF(case_title), 2, cp);
    return i >= 0 ? case_title[i][1] : simple(case_upper, N_OF(case_upper), cp);
}

void srt_str_initcap(SrtQuery *q, const char *s, uint32_t n, const char **out, uint32_t *out_n)
{
    /* Spark's InitCap: UTF8String.toLowerCase then toTitleCase, which title-cases the first
       char and every char after a ' ' (toTitleCaseSlow; its ASCII fast path agrees).  The
       lower-cased text is well-formed UTF-8 (Java re-encoded any non-ASCII text). */
    const char *lo;
    uint32_t lo_n;
    srt_str_lower(q, s, n, &lo, &lo_n);
    char *o = srt_scratch_alloc(q, (size_t)lo_n * 2 + 1); /* a title case is at most 3 bytes */
    uint32_t k = 0, prev = ' ';
    for (uint32_t i = 0; i < lo_n;) {
        uint32_t cp = decode((const unsigned char *)lo, lo_n, &i);
        k += cm_utf8_put(prev == ' ' ? title(cp) : cp, o + k);
        prev = cp;
    }
    *out = o;
    *out_n = k;
}

int srt_char_type(uint32_t c)
{
    if (c > 0xFFFF) /* a surrogate of a Java char: Character.SURROGATE */
        return SRT_CHAR_OTHER;
    if (in_ranges(case_lu, N_OF(case_lu), c))
        return SRT_CHAR_UPPER;
    if (in_ranges(case_ll, N_OF(case_ll), c))
        return SRT_CHAR_LOWER;
    return in_ranges(case_nd, N_OF(case_nd), c) ? SRT_CHAR_DIGIT : SRT_CHAR_OTHER;
}

int srt_char_gc(uint32_t c)
{
    size_t lo = 0, hi = N_OF(case_gc);
    while (lo < hi) { /* the first run ending at or after c */
        size_t mid = (lo + hi) / 2;
        if (c > case_gc[mid][1])
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < N_OF(case_gc) && c >= case_gc[lo][0] ? (int)case_gc[lo][2] : SRT_GC_CN;
}

int srt_char_digit(uint32_t c, int radix)
{
    int v = -1;
    if (srt_char_type(c) == SRT_CHAR_DIGIT) {
        size_t lo = 0, hi = N_OF(case_nd);
        while (lo < hi) { /* the run holding c: its digits count 0 to 9 from its start */
            size_t mid = (lo + hi) / 2;
            if (c > case_nd[mid][1])
                lo = mid + 1;
            else
                hi = mid;
        }
        v = (int)((c - case_nd[lo][0]) % 10);
    } else if ((c >= 'A' && c <= 'Z') || (c >= 0xFF21 && c <= 0xFF3A)) {
        v = (int)(c - (c < 0x80 ? 'A' : 0xFF21)) + 10; /* Latin letters, also fullwidth */
    } else if ((c >= 'a' && c <= 'z') || (c >= 0xFF41 && c <= 0xFF5A)) {
        v = (int)(c - (c < 0x80 ? 'a' : 0xFF41)) + 10;
    }
    return v < radix ? v : -1;
}
