/* cm_csv_lex.h - how a CSV line splits into fields and how a field's text reads as a number:
** the rules schema inference (sema_infer.c) and the reader (srt_csv.c) share, as Spark's
** UnivocityParser and CSVInferSchema apply them.  The field scanner and the unquoting are
** static inline (the reader inlines them per field); cm_csv_lex.c holds the number rules.
**
** A record is one line (Spark's default multiLine = false).  sep, quote and esc are single
** bytes; 0xFF (never a byte of UTF-8) turns quoting or escaping off.  A field is plain
** (everything up to sep or the end of the line) or quoted: it starts with quote and ends at
** the matching quote.  Inside quotes (univocity's CsvParser with Spark's settings: quoteEscape
** = escape, charToEscapeQuoteEscaping = escape when it differs from quote):
**   esc quote  -> quote          esc esc -> esc          quote quote -> quote
**   esc + any other character keeps both (AbstractCharInputReader.getQuotedString).
** Text after the closing quote, up to sep, is kept as part of the value.  An unterminated
** quote runs to the end of the line.  An unquoted empty field is NULL, a quoted one ''.
*/
#ifndef CM_CSV_LEX_H
#define CM_CSV_LEX_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* What cm_csv_field found. */
enum {
    CM_CSV_PLAIN = 0,  /* unquoted: the bytes as they are; empty means NULL */
    CM_CSV_QUOTED = 1, /* quoted without escapes: the bytes between the quotes */
    CM_CSV_ENCODED = 2 /* quoted with escapes: the raw field, for cm_csv_unquote */
};

/* The field starting at p: returns the position of the separator, '\n' or end that ended
   it (a '\r' before '\n' or the end is no part of the field), with its bytes in *s, *n
   and its CM_CSV_* kind in *kind. */
static inline const char *cm_csv_field(const char *p, const char *end, int sep, int quote,
                                       int esc, const char **s, size_t *n, int *kind)
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
                    *n = (size_t)(close - start - 1);
                    *kind = CM_CSV_QUOTED;
                    return p;
                }
                *s = start;
                *n = (size_t)(p - start);
                *kind = CM_CSV_ENCODED;
                if (p > start && p[-1] == '\r')
                    (*n)--;
                return p;
            }
        }
        /* Text after the closing quote, or no closing quote: unquote the raw field. */
        while (p < end && *p != (char)sep && *p != '\n')
            p++;
        *s = start;
        *n = (size_t)(p - start);
        if (*n > 0 && p[-1] == '\r' && (p == end || *p == '\n'))
            (*n)--;
        *kind = CM_CSV_ENCODED;
        return p;
    }
    while (p < end && *p != (char)sep && *p != '\n')
        p++;
    *s = start;
    *n = (size_t)(p - start);
    if (*n > 0 && p[-1] == '\r' && (p == end || *p == '\n'))
        (*n)--;
    *kind = CM_CSV_PLAIN;
    return p;
}

/* The value of a CM_CSV_ENCODED field s[0, n) into out (room for n bytes): its length. */
static inline size_t cm_csv_unquote(const char *s, size_t n, int quote, int esc, char *out)
{
    size_t k = 0, i = 0;
    bool in_quotes = false;
    if (n > 0 && s[0] == (char)quote) {
        in_quotes = true;
        i = 1;
    }
    while (i < n) {
        char c = s[i];
        if (in_quotes && c == (char)esc && esc != quote && i + 1 < n &&
            (s[i + 1] == (char)quote || s[i + 1] == (char)esc)) {
            out[k++] = s[i + 1];
            i += 2;
            continue;
        }
        if (in_quotes && c == (char)quote) {
            if (i + 1 < n && s[i + 1] == (char)quote) {
                out[k++] = c;
                i += 2;
                continue;
            }
            in_quotes = false;
            i++;
            continue;
        }
        out[k++] = c;
        i++;
    }
    return k;
}

/* Java's Double.parseDouble / Float.parseFloat text (FloatingDecimal.readJavaFormatString):
   bytes <= ' ' trimmed at both ends, an optional sign, then NaN, Infinity, a decimal
   number (digits with at most one '.', at least one digit, an optional exponent) or a
   hexadecimal one (0x, hex digits with at most one '.', a binary exponent p), and an
   optional f, F, d or D.  -1 if invalid; 1 with *special set for NaN and the infinities;
   0 with the number, without the suffix, NUL-terminated in buf (for strtod / strtof). */
int cm_java_float_text(const char *s, size_t n, char buf[400], double *special);

/* A field of a DOUBLE column as UnivocityParser reads it: Spark's nanValue "NaN",
   positiveInf "Inf" and negativeInf "-Inf" (CSVOptions defaults), else Double.parseDouble.
   0 with *out, or -1. */
int cm_csv_double(const char *s, size_t n, double *out);
/* The same for FLOAT (Float.parseFloat: one rounding of the decimal text). */
int cm_csv_float(const char *s, size_t n, float *out);

/* java.math.BigDecimal(String) as CSVInferSchema.tryParseDecimal uses it: true when s is
   one, with scale 0 and at most 38 digits (a DecimalType(precision, 0); a negative scale
   or more digits makes Spark fall through to tryParseDouble), *precision its digits. */
bool cm_csv_decimal(const char *s, size_t n, int *precision);

#endif
