/* srt_csv.c - CSV fields for generated record parsers (inline helpers).
**
** A record is one line (Spark's default multiLine = false).  A field is either
** plain (everything up to the separator or the end of the line) or quoted: it starts
** with the quote character and ends at the matching quote; inside, a doubled quote
** (RFC 4180) or the escape character (Spark's default '\') followed by a character
** stands for that character.  Text after the closing quote, up to the separator, is
** kept as part of the value (as univocity does).  An unterminated quote runs to the
** end of the line.
*/
#include <string.h>

#include "common/cm_text.h"
#include "srt_abi.h"

const char *srt_csv_field(const char *p, const char *end, int sep, int quote, int esc,
                          const char **s, uint32_t *n, int *kind)
{
    const char *start = p;
    if (p < end && *p == (char)quote) {
        int simple = 1;
        p++;
        while (p < end && *p != '\n') {
            if (*p == (char)esc && esc != quote && p + 1 < end && p[1] != '\n') {
                simple = 0;
                p += 2;
                continue;
            }
            if (*p == (char)quote) {
                if (p + 1 < end && p[1] == (char)quote) {
                    simple = 0;
                    p += 2;
                    continue;
                }
                break;
            }
            p++;
        }
        if (p < end && *p == (char)quote) {
            const char *close = p++;
            if (p == end || *p == (char)sep || *p == '\n' ||
                (*p == '\r' && (p + 1 == end || p[1] == '\n'))) {
                if (p < end && *p == '\r')
                    p++;
                if (simple) {
                    *s = start + 1;
                    *n = (uint32_t)(close - start - 1);
                    *kind = SRT_CSV_QUOTED;
                    return p;
                }
                *s = start;
                *n = (uint32_t)(p - start);
                *kind = SRT_CSV_ENCODED;
                if (p > start && p[-1] == '\r')
                    (*n)--;
                return p;
            }
        }
        /* Text after the closing quote, or no closing quote: decode the raw field. */
        while (p < end && *p != (char)sep && *p != '\n')
            p++;
        *s = start;
        *n = (uint32_t)(p - start);
        if (*n > 0 && p[-1] == '\r' && (p == end || *p == '\n'))
            (*n)--;
        *kind = SRT_CSV_ENCODED;
        return p;
    }
    while (p < end && *p != (char)sep && *p != '\n')
        p++;
    *s = start;
    *n = (uint32_t)(p - start);
    if (*n > 0 && p[-1] == '\r' && (p == end || *p == '\n'))
        (*n)--;
    *kind = SRT_CSV_PLAIN;
    return p;
}

/* Integer and boolean fields: the rule schema inference uses (common/cm_text.h). */
int srt_csv_i64(const char *s, uint32_t n, int64_t *out)
{
    return cm_java_integer(s, n, 64, out);
}

int srt_csv_bool(const char *s, uint32_t n, int64_t *out)
{
    return cm_java_boolean(s, n, out);
}

void srt_csv_decode(SrtQuery *q, const char *s, uint32_t n, int quote, int esc, const char **out,
                    uint32_t *out_n)
{
    char *d = srt_scratch_alloc(q, n ? n : 1);
    uint32_t k = 0, i = 0;
    int in_quotes = 0;
    if (n > 0 && s[0] == (char)quote) {
        in_quotes = 1;
        i = 1;
    }
    while (i < n) {
        char c = s[i];
        if (in_quotes && c == (char)esc && esc != quote && i + 1 < n) {
            d[k++] = s[i + 1];
            i += 2;
            continue;
        }
        if (in_quotes && c == (char)quote) {
            if (i + 1 < n && s[i + 1] == (char)quote) {
                d[k++] = c;
                i += 2;
                continue;
            }
            in_quotes = 0;
            i++;
            continue;
        }
        d[k++] = c;
        i++;
    }
    *out = d;
    *out_n = k;
}
