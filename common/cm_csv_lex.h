/* cm_csv_lex.h - how a CSV line splits into fields and how a field's text reads as a number:
** the rules schema inference (sema_infer.c) and the reader (srt_csv.c) share, as Spark's
** UnivocityParser and CSVInferSchema apply them.  The field scanner and the unquoting are
** static inline (the reader inlines them per field); cm_csv_lex.c holds the number rules.
**
** A record is one line (Spark's default multiLine = false; for true, cm_csv_ml.h).  sep,
** quote and esc are single bytes; 0xFF (never a byte of UTF-8) turns quoting or escaping
** off.  A field is plain (everything up to sep or the end of the line, as it is) or starts
** with quote; then it is read as univocity 2.9.1's CsvParser.parseQuotedValue reads it
** with Spark's settings (CSVOptions.asParserSettings: quoteEscape = escape,
** charToEscapeQuoteEscaping = escape when it differs from quote, unescapedQuoteHandling
** STOP_AT_DELIMITER), cm_csv_quoted:
**   esc quote -> quote, esc esc -> esc, esc before anything else stays.
**   The closing quote followed by sep or the end ends the value; whitespace between them
**   is dropped.  A doubled quote adds one quote but leaves the next character looking
**   unescaped (processQuoteEscape does not reset prev).
**   A quote followed by anything else is unescaped (handleUnescapedQuote): the value is
**   the quote, what was read so far, the quote and the rest of the field as it is, so
**   "ab"cd reads as "ab"cd and "he said ""hi""" as itself.
**   An unterminated quote runs to the end of the line; a lone quote at the end is '"'.
** An empty value, quoted ("") or not, is NULL: Spark's emptyValue and nullValue are both
** "" and UnivocityParser.nullSafeDatum compares the value to nullValue.
*/
#ifndef CM_CSV_LEX_H
#define CM_CSV_LEX_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "common/cm_swar.h"

/* The end ('\n' or end) of the line at p when it is blank, else NULL: every byte of it
   <= ' ', as String.trim removes them, so "\r\n", spaces and tabs alone are blank.  Spark's
   CSV reader skips such lines (CSVExprUtils.filterCommentAndEmpty: line.trim.nonEmpty) and
   takes the first line that is not blank as the header (CSVExprUtils.extractHeader). */
static inline const char *cm_csv_blank_line(const char *p, const char *end)
{
    for (; p < end && *p != '\n'; p++)
        if ((unsigned char)*p > ' ')
            return NULL;
    return p;
}

/* What cm_csv_field found. */
enum {
    CM_CSV_PLAIN = 0,   /* unquoted: the bytes as they are; empty means NULL */
    CM_CSV_QUOTED = 1,  /* quoted without escapes: the bytes between the quotes */
    CM_CSV_ENCODED = 2, /* quoted with escapes: the raw field, for cm_csv_unquote */
    CM_CSV_EMPTY = 3    /* emptyValue: a value univocity's appender made empty (cm_csv_ml.h) */
};

/* A quoted value as univocity's CsvParser reads it with Spark's settings (q = quote, x =
   quoteEscape = esc, charToEscapeQuoteEscaping = esc when it differs from the quote,
   unescapedQuoteHandling STOP_AT_DELIMITER, keepQuotes and trimming off), on one line: the
   end of the line is the end of input.  p is at the opening quote; returns the position of
   the separator or line end that ends the field.  With out, the value is written there
   (never longer than the raw field).  *len is its length, *kind CM_CSV_QUOTED when the value
   is the bytes between the quotes, CM_CSV_ENCODED when it must be decoded, CM_CSV_PLAIN with
   *len 0 when the value is empty: Spark's emptyValue "" equals its nullValue "", so
   UnivocityParser.nullSafeDatum makes it NULL, as an unquoted empty field. */
/* A flag in esc (above its byte): a '\r' before the line's end is data, the line ending at
   '\n' or end alone.  With a lineSep of one byte, Spark hands univocity the record as the file
   has it (LineReader.readCustomLine) and univocity's newline is that byte
   (Format.setLineSeparator of one character sets normalizedNewline), so a '\r' that ends the
   last value is a character of it (CsvParser.parseSingleDelimiterRecord, appendUntil up to
   the delimiter or newLine; only ignoreTrailingWhiteSpace trims it); the files source then
   swaps that byte and '\n' (cm_lines_swap). */
#define CM_CSV_KEEP_CR 0x100

/* A flag in esc: ignoreTrailingWhiteSpace, which CsvParser applies to the rest of a quoted
   value read as unescaped (parseQuotedValue's parseUnescapedQuotesUntilDelimiter branch sets
   output.trim): cm_csv_quoted drops the whitespace that ends such a value. */
#define CM_CSV_TRIM_TAIL 0x400

static inline bool cm_csv_eol_at(const char *p, const char *end, bool keep_cr)
{
    return p == end || *p == '\n' || (!keep_cr && *p == '\r' && (p + 1 == end || p[1] == '\n'));
}

static inline bool cm_csv_eol(const char *p, const char *end)
{
    return cm_csv_eol_at(p, end, false);
}
/* CsvParser.processQuoteEscape for c (a quote or the escape) after prev, putting what it
   adds at out[*k] (counting only without out): the new c ('\0' once an escape is used), or
   -1 for a quote followed by the escape (handleUnescapedQuoteInValue, left to the caller). */
static inline int cm_csv_quote_escape(int c, int prev, int q, int x, int ee, char *out, size_t *k)
{
    int put = -1;
    if (c == x && prev == ee && ee != 0) {
        put = x;
        c = 0;
    } else if (prev == x) {
        put = c == q ? q : prev;
        if (c == q)
            c = 0;
    } else if (c == q && prev == q) {
        put = q; /* prev stays the quote: what follows is unescaped */
    } else if (prev == q) {
        return -1;
    }
    if (put >= 0) {
        if (out)
            out[*k] = (char)put;
        (*k)++;
    }
    return c;
}
static inline const char *cm_csv_quoted(const char *p, const char *end, int sep, int quote,
                                        int esc, char *out, size_t *len, int *kind)
{
    /* '\0' is univocity's "none" for prev, a consumed escape and a disabled escape (Spark's
       escape "" is '\u0000'); the comparisons below keep that. */
    const int q = quote & 0xFF, x = (esc & 0xFF) == 0xFF ? 0 : esc & 0xFF;
    const int ee = x != q ? x : 0; /* CsvFormat.getCharToEscapeQuoteEscaping */
    const bool kc = (esc & CM_CSV_KEEP_CR) != 0;
    const char *i = p + 1, *rest, *gap = NULL;
    size_t k = 0;
    int prev = 0, c, depth = 0;
    bool simple = true;
#define CM_CSV_PUT(ch) (out ? (void)(out[k++] = (char)(ch)) : (void)k++)
    *kind = CM_CSV_ENCODED;
    if (cm_csv_eol_at(i, end, kc)) {
        CM_CSV_PUT(q); /* consumeValueOnEOF: ch is the opening quote, kept */
        *len = k;
        return i;
    }
    c = (unsigned char)*i;
    for (;;) { /* parseQuotedValue's loop: c = *i, i before the end of the line */
        if (prev == q && (c <= ' ' || c == sep))
            break;
        if (c != q && c != x) {
            if (prev == q) { /* handleUnescapedQuote (STOP_AT_DELIMITER) */
                rest = i;
                goto unescaped;
            }
            if (prev == x && x != 0) {
                CM_CSV_PUT(x);
                simple = false;
            }
            /* appender.appendUntil(ch, input, quote, quoteEscape, escapeEscape) */
            while (!cm_csv_eol_at(i, end, kc) && (unsigned char)*i != q && (unsigned char)*i != x) {
                CM_CSV_PUT(*i);
                i++;
            }
            if (cm_csv_eol_at(i, end, kc))
                goto value; /* EOF inside: AbstractParser.handleEOF keeps the value */
            prev = (unsigned char)*i;
        } else {
            simple = false;
            int e = cm_csv_quote_escape(c, prev, q, x, ee, out, &k);
            if (e >= 0) {
                c = e;
            } else {
                /* handleUnescapedQuoteInValue: the quote, then parseValueProcessingEscape
                   from this same character up to a separator; back here, prev = ch;
                   ch = input.nextChar() passes that separator and quoted parsing goes on.
                   A nested one returns through one more level, passing one more. */
                CM_CSV_PUT(q);
                prev = c;
                for (;;) {
                    if (c == sep) {
                        if (depth == 0)
                            break;
                        depth--;
                    } else if (c != q && c != x) {
                        if (prev == q) {
                            CM_CSV_PUT(q); /* handleUnescapedQuoteInValue, in tail position */
                            prev = c;
                        }
                        CM_CSV_PUT(c);
                    } else if ((e = cm_csv_quote_escape(c, prev, q, x, ee, out, &k)) >= 0) {
                        c = e;
                    } else {
                        CM_CSV_PUT(q); /* nested: it reads this character again */
                        prev = c;
                        depth++;
                        continue;
                    }
                    prev = c;
                    i++;
                    if (cm_csv_eol_at(i, end, kc))
                        goto value;
                    c = (unsigned char)*i;
                }
            }
            prev = c;
        }
        i++; /* ch = input.nextChar() */
        if (cm_csv_eol_at(i, end, kc))
            goto value; /* consumeValueOnEOF after a closing quote or an escape */
        c = (unsigned char)*i;
    }
    /* After the closing quote, whitespace before a separator or the end is dropped;
       anything else makes the value unescaped from the closing quote on. */
    rest = i;
    while (!cm_csv_eol_at(i, end, kc) && (unsigned char)*i <= ' ' && (unsigned char)*i != sep)
        i++;
    if (cm_csv_eol_at(i, end, kc) || (unsigned char)*i == sep) {
        if (simple && k > 0)
            *kind = CM_CSV_QUOTED;
        goto value;
    }
    gap = i; /* the byte after the whitespace */
unescaped:
    /* The value read so far between quotes, then the rest up to the separator as it is:
       appender.prepend(quote) in parseQuotedValue, then appendUntil(delimiter, newLine). */
    if (out) {
        memmove(out + 1, out, k);
        out[0] = (char)q;
    }
    k++;
    CM_CSV_PUT(q);
    for (i = rest; !cm_csv_eol_at(i, end, kc) && (unsigned char)*i != sep; i++)
        CM_CSV_PUT(*i);
    *kind = CM_CSV_ENCODED;
    /* At the line's end after the whitespace: consumeValueOnEOF finds ch, the byte after the
       one that ended the whitespace, a quote with prev (that byte) not one and unescaped
       false, and appends a quote.  Else the trailing whitespace goes (output.trim). */
    if (gap && cm_csv_eol_at(i, end, kc) && gap + 1 < i && (unsigned char)gap[1] == q &&
        (unsigned char)*gap != q)
        CM_CSV_PUT(q);
    else if (esc & CM_CSV_TRIM_TAIL)
        while (k > 0 && (out ? (unsigned char)out[k - 1] <= ' ' && out[k - 1] != '\0' : false))
            k--;
value:
    if (k == 0)
        *kind = CM_CSV_PLAIN;
    *len = k;
    return i;
#undef CM_CSV_PUT
}
/* The field starting at p: returns the position of the separator, '\n' or end that ended
   it (a '\r' before '\n' or the end is no part of the field unless esc has CM_CSV_KEEP_CR),
   with its bytes in *s, *n and its CM_CSV_* kind in *kind. */
/* The first separator or '\n' at or after p (or end): 8 bytes at a time while 8 remain
   (cm_swar.h: the lowest flag of the two masks is the first match). */
static inline const char *cm_csv_plain_end(const char *p, const char *end, int sep)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    while (end - p >= 8) {
        uint64_t w;
        memcpy(&w, p, 8);
        uint64_t m = cm_swar_eq(w, (unsigned char)sep) | cm_swar_eq(w, '\n');
        if (m)
            return p + (__builtin_ctzll(m) >> 3);
        p += 8;
    }
#endif
    while (p < end && *p != (char)sep && *p != '\n')
        p++;
    return p;
}

/* cm_csv_field of a field that does not start with the quote. */
static inline const char *cm_csv_plain_field(const char *p, const char *end, int sep, int esc,
                                             const char **s, size_t *n, int *kind)
{
    const char *start = p;
    p = cm_csv_plain_end(p, end, sep);
    *s = start;
    *n = (size_t)(p - start);
    if (!(esc & CM_CSV_KEEP_CR) && *n > 0 && p[-1] == '\r' && (p == end || *p == '\n'))
        (*n)--;
    *kind = CM_CSV_PLAIN;
    return p;
}

static inline const char *cm_csv_field(const char *p, const char *end, int sep, int quote,
                                       int esc, const char **s, size_t *n, int *kind)
{
    const char *start = p;
    if (p < end && *p == (char)quote) {
        p = cm_csv_quoted(p, end, sep, quote, esc, NULL, n, kind);
        *s = start;
        switch (*kind) {
        case CM_CSV_PLAIN:
            break;
        case CM_CSV_QUOTED:
            *s = start + 1;
            break;
        case CM_CSV_ENCODED: /* with the separator that ends it: cm_csv_unquote reads it
                                again up to that separator, not to a line's end */
            *s = start;
            *n = (size_t)(p - start) + (p < end && (unsigned char)*p == (unsigned)sep);
            break;
        }
        if (p < end && *p == '\r' && !(esc & CM_CSV_KEEP_CR))
            p++;
        return p;
    }
    return cm_csv_plain_field(p, end, sep, esc, s, n, kind);
}

/* A flag in esc: the field is one univocity skips (ParserOutput's NoopCharAppender, whose
   length() is -1: a column Spark's UnivocityParser leaves out of selectIndexes when it prunes
   the columns a query does not read).  CsvParser.parseSingleDelimiterRecord then tries
   AbstractCharInputReader.skipQuotedString before parseQuotedValue (cm_csv_skip_quoted) and
   skipString before appendUntil (the same end as getString's, and no trimming). */
#define CM_CSV_SKIP 0x200

/* univocity 2.9.1's AbstractCharInputReader.skipQuotedString on a line (p at the opening
   quote, the line ending at end or cm_csv_eol_at): any quote whose byte before is the escape
   counts as escaped (even an escaped escape, or the opening quote when the escape is the
   quote), the escape is otherwise data, and the first other quote followed by sep ends the
   value: returns the position of that sep.  NULL where it gives up (a quote followed by
   anything else, or none before the line's end, or the opening quote last on the line: its
   `i == 0`), and CsvParser.parseQuotedValue reads the field as any other (cm_csv_field). */
static inline const char *cm_csv_skip_quoted(const char *p, const char *end, int sep, int quote,
                                             int esc)
{
    const int q = quote & 0xFF, x = (esc & 0xFF) == 0xFF ? 0 : esc & 0xFF;
    const bool kc = (esc & CM_CSV_KEEP_CR) != 0;
    for (const char *i = p + 1; !cm_csv_eol_at(i, end, kc); i++) {
        if ((unsigned char)*i != q)
            continue;
        if ((unsigned char)i[-1] == x)
            continue;
        return !cm_csv_eol_at(i + 1, end, kc) && (unsigned char)i[1] == (unsigned)sep ? i + 1
                                                                                      : NULL;
    }
    return NULL;
}

/* What a reader says when univocity 2.9.1's getString fails (cm_csv_ws_fails; multiLine:
   CmCsvRec.spark_fails) */
#define CM_CSV_SPARK_FAILS_AT(where)                                                               \
    "a CSV value of whitespace alone at the start of " where ", read with "                        \
    "ignoreTrailingWhiteSpace = true, fails Spark 3.5's reader (univocity 2.9.1's "                \
    "ArrayIndexOutOfBoundsException: Index -1)"
#define CM_CSV_LINE_SPARK_FAILS CM_CSV_SPARK_FAILS_AT("a line")

/* Does univocity 2.9.1 fail on the line at p, read with ignoreTrailingWhiteSpace (and not
   ignoreLeadingWhiteSpace, whose skipWhitespace leaves getString no value starting with
   whitespace)?  CsvParser.parseLine makes the line its whole buffer, and getString trims an
   unquoted value's trailing whitespace walking back from the byte before the delimiter while
   the bytes are whitespace (<= ' ', '\0' too: whitespaceRangeStart is -1), without a bound
   (univocity issue #449, fixed after 2.9.1): when every byte before that delimiter is
   whitespace it reads buffer[-1], and the ArrayIndexOutOfBoundsException fails Spark's task
   in every mode.  So a value getString reads (not empty, not quoted, ended by sep, not at the
   line's end: getString gives up there and appendUntil reads it) with only whitespace before
   it on the line: the line's first one, or with a whitespace sep a later one after empty or
   skipped ones.  sel: NULL when getString reads every value, else a '1' per field it reads
   and '0' per field univocity skips (CM_CSV_SKIP: skipString trims nothing); fields past its
   end are skipped. */
static inline bool cm_csv_ws_fails(const char *p, const char *end, int sep, int quote, int esc,
                                   const char *sel)
{
    const bool kc = (esc & CM_CSV_KEEP_CR) != 0;
    size_t k = 0, nsel = sel ? strlen(sel) : 0;
    for (const char *f = p, *i = p; !cm_csv_eol_at(i, end, kc); i++) {
        unsigned c = (unsigned char)*i;
        if (c == (unsigned)sep) {
            if (i > f && (!sel || (k < nsel && sel[k] == '1')))
                return true;
            k++;
            f = i + 1;
        } else if (i == f && c == (unsigned)(quote & 0xFF)) {
            return false; /* a quoted value: getQuotedString or parseQuotedValue */
        }
        if (c > ' ')
            return false;
    }
    return false;
}

/* The value of a CM_CSV_ENCODED field s[0, n) into out (room for n bytes): its length. */
static inline size_t cm_csv_unquote(const char *s, size_t n, int sep, int quote, int esc,
                                    char *out)
{
    size_t k;
    int kind;
    cm_csv_quoted(s, s + n, sep, quote, esc, out, &k, &kind);
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
/* The same with the nanValue, positiveInf and negativeInf options (NUL-terminated), compared
   in UnivocityParser's order (nanValue, negativeInf, positiveInf) before the Java parse. */
int cm_csv_double_opts(const char *s, size_t n, const char *nan, const char *pos, const char *neg,
                       double *out);
int cm_csv_float_opts(const char *s, size_t n, const char *nan, const char *pos, const char *neg,
                      float *out);

/* java.math.BigDecimal(String): true when s is one (an optional sign, digits (cm_java_digit)
   with at most one '.', an optional exponent of at most ten digits after leading zeros, in an
   int; the scale in an int), then *precision (the unscaled value's digits, 1 for zero) and
   *scale (fraction digits minus the exponent), as BigDecimal.precision and scale give them.
   Spark's ExprUtils.getDecimalParser (Locale.US) and JsonInferSchema (prefersDecimal) read
   through it. */
bool cm_java_bigdecimal(const char *s, size_t n, int *precision, int *scale);

/* java.math.BigDecimal(String) as CSVInferSchema.tryParseDecimal uses it: true when s is
   one, with scale 0 and at most 38 digits (a DecimalType(precision, 0); a negative scale
   or more digits makes Spark fall through to tryParseDouble), *precision its digits. */
bool cm_csv_decimal(const char *s, size_t n, int *precision);

#endif
