/* srt_csv.c - CSV fields for generated record parsers (inline helpers).
**
** How a line splits into fields, how a quoted field is unquoted and how a field reads as a
** number or a boolean are the rules schema inference shares (common/cm_csv_lex.h,
** common/cm_text.h); these helpers give them the ABI's types.
*/
#include <string.h>

#include "common/cm_csv_lex.h"
#include "common/cm_files.h"
#include "common/cm_text.h"
#include "srt_abi.h"

_Static_assert((int)SRT_CSV_PLAIN == (int)CM_CSV_PLAIN &&
                   (int)SRT_CSV_QUOTED == (int)CM_CSV_QUOTED &&
                   (int)SRT_CSV_ENCODED == (int)CM_CSV_ENCODED &&
                   (int)SRT_CSV_KEEP_CR == (int)CM_CSV_KEEP_CR,
               "the ABI's field kinds are cm_csv_field's");

/* Out of line on purpose: srt_csv_field inlines the unquoted fields' case and calls this for a
   quoted one (cm_csv_quoted, inlined, was a function of 500 lines LLVM optimised and compiled
   again in every build of a CSV query). */
__attribute__((noinline)) const char *srt_csv_field_any(const char *p, const char *end, int sep,
                                                        int quote, int esc, const char **s,
                                                        uint32_t *n, int *kind)
{
    size_t len;
    const char *q;
    if ((esc & CM_CSV_SKIP) && p < end && *p == (char)quote &&
        (q = cm_csv_skip_quoted(p, end, sep, quote, esc)) != NULL) {
        *s = p; /* skipped: no value */
        *n = 0;
        *kind = CM_CSV_PLAIN;
        return q;
    }
    q = cm_csv_field(p, end, sep, quote, esc, s, &len, kind);
    *n = (uint32_t)len;
    return q;
}

const char *srt_csv_field(const char *p, const char *end, int sep, int quote, int esc,
                          const char **s, uint32_t *n, int *kind)
{
    if (p < end && *p == (char)quote)
        return srt_csv_field_any(p, end, sep, quote, esc, s, n, kind);
    size_t len;
    const char *q = cm_csv_plain_field(p, end, sep, esc, s, &len, kind);
    *n = (uint32_t)len;
    return q;
}

void srt_csv_unswap(char *s, uint32_t n, int esc)
{
    if (esc & SRT_CSV_KEEP_CR)
        cm_lines_unswap(s, n, (char)(esc >> 16));
}

const char *srt_csv_blank(const char *p, const char *end)
{
    return cm_csv_blank_line(p, end);
}

const char *srt_csv_blank_swap(const char *p, const char *end, int32_t sep)
{
    for (; p < end && *p != '\n'; p++)
        if ((unsigned char)*p > ' ' && *p != (char)sep)
            return NULL;
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

int srt_csv_f64(const char *s, uint32_t n, double *out)
{
    return cm_csv_double(s, n, out);
}

int srt_csv_f32(const char *s, uint32_t n, float *out)
{
    return cm_csv_float(s, n, out);
}

int srt_csv_f64_opts(const char *s, uint32_t n, const char *nan, const char *pos, const char *neg,
                     double *out)
{
    return cm_csv_double_opts(s, n, nan, pos, neg, out);
}

int srt_csv_f32_opts(const char *s, uint32_t n, const char *nan, const char *pos, const char *neg,
                     float *out)
{
    return cm_csv_float_opts(s, n, nan, pos, neg, out);
}

/* CSVExprUtils.filterCommentAndEmpty: line.startsWith(comment). */
const char *srt_csv_comment(const char *p, const char *end, const char *c, uint32_t cn)
{
    if ((size_t)(end - p) < cn || memcmp(p, c, cn) != 0)
        return NULL;
    const char *nl = memchr(p, '\n', (size_t)(end - p));
    return nl ? nl : end;
}

/* univocity's CsvParser.parseRecord with ignoreLeadingWhitespaces: skipWhitespace stops at
   the delimiter and the quote (and at the line's end: esc's CM_CSV_KEEP_CR, cm_csv_eol_at). */
const char *srt_csv_skip_ws(const char *p, const char *end, int sep, int quote, int esc)
{
    while (p < end && !cm_csv_eol_at(p, end, esc & CM_CSV_KEEP_CR) && (unsigned char)*p <= ' ' &&
           *p != '\0' && (unsigned char)*p != (unsigned)sep && (unsigned char)*p != (unsigned)quote)
        p++;
    return p;
}

/* ignoreTrailingWhitespaces: the appender drops the whitespace (<= ' ') it ends with. */
uint32_t srt_csv_trim_end(const char *s, uint32_t n)
{
    while (n > 0 && (unsigned char)s[n - 1] <= ' ' && s[n - 1] != '\0')
        n--;
    return n;
}

int srt_csv_is(const char *s, uint32_t n, const char *v, uint32_t vn)
{
    return n == vn && (n == 0 || memcmp(s, v, n) == 0);
}

void srt_csv_decode(SrtQuery *q, const char *s, uint32_t n, int sep, int quote, int esc,
                    const char **out, uint32_t *out_n)
{
    char *d = srt_scratch_alloc(q, n ? n : 1);
    *out_n = (uint32_t)cm_csv_unquote(s, n, sep, quote, esc, d);
    *out = d;
}
