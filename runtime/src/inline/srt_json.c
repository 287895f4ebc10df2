/* srt_json.c - JSON Lines scanning for generated parsers (inline helpers).
**
** Every reader takes [p, end) and never touches a byte at or past end.  The grammar is
** RFC 8259 within one line plus what Spark's JSON reader enables in Jackson by default
** (JSONOptions: allowSingleQuotes, allowNonNumericNumbers): strings may be single-quoted
** ('it''s' is not an escape; \' is, in both quotes), and NaN, Infinity, +Infinity, +INF,
** -Infinity and -INF are numbers.  No leading zeros, no trailing garbage after a scalar
** token (a token must be followed by whitespace, ',', '}', ']', a newline or end), only the
** standard escapes and \', no raw control characters inside strings.  Numbers, escapes
** and the decoding of strings are the rules schema inference shares (common/cm_json_lex.h).
** Readers return the position after the token, or NULL when the text is malformed.
*/
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "common/cm_double.h"
#include "common/cm_files.h"
#include "common/cm_json_lex.h"
#include "common/cm_swar.h"
#include "common/cm_time.h"
#include "srt_abi.h"

#define J_MAX_DEPTH 512

static inline int j_is_ws(char c)
{
    return c == ' ' || c == '\t' || c == '\r';
}

/* Out of line on purpose: generated parsers inline srt_json_ws, which only looks at the first
   byte, and call this for spaces (a loop inlined at each of a parser's dozen places was a third
   of LLVM's work on a JSON query). */
__attribute__((noinline)) const char *srt_json_ws_run(const char *p, const char *end)
{
    while (p < end && j_is_ws(*p))
        p++;
    return p;
}

static inline const char *j_ws(const char *p, const char *end)
{
    if (p >= end || (unsigned char)*p > ' ')
        return p; /* compact JSON; no space is above ' ' */
    return srt_json_ws_run(p, end);
}

const char *srt_json_ws(const char *p, const char *end)
{
    return j_ws(p, end);
}

/* Out of line on purpose, as srt_json_ws_run. */
__attribute__((noinline)) const char *srt_json_ws_line_run(const char *p, const char *end)
{
    while (p < end && (*p == ' ' || *p == '\t'))
        p++;
    return p;
}

/* j_ws without '\r': the expected shape's spaces (srt_abi.h). */
static inline const char *j_ws_line(const char *p, const char *end)
{
    if (p >= end || (unsigned char)*p > ' ')
        return p;
    return srt_json_ws_line_run(p, end);
}

const char *srt_json_ws_line(const char *p, const char *end)
{
    return j_ws_line(p, end);
}

const char *srt_json_line_end(const char *p, const char *end)
{
    if (p < end && *p == '\n') /* usual after a CSV line's last field: no libc call */
        return p;
    const char *q = memchr(p, '\n', (size_t)(end - p));
    return q ? q : end;
}

void srt_line_unswap(char *p, int64_t n, int32_t sep)
{
    cm_lines_unswap(p, (size_t)n, (char)sep);
}

/* Nonzero when any byte of w is '"', '\\' or below 0x20. */
static inline uint64_t j_special(uint64_t w)
{
    uint64_t lt = (w - CM_SWAR_ONES * 0x20) & ~w & CM_SWAR_HIGHS; /* below 0x20 */
    return cm_swar_eq(w, '"') | cm_swar_eq(w, '\\') | lt;
}

/* A single-quoted string (Jackson's _handleApos): '"' is an ordinary byte inside. */
static const char *j_string_sq(const char *p, const char *end, const char **s, uint32_t *n,
                               int *has_esc)
{
    const char *start = ++p;
    bool esc;
    if (!(p = cm_json_string_end(p, end, '\'', &esc)))
        return NULL;
    *s = start;
    *n = (uint32_t)(p - start);
    *has_esc = esc;
    return p + 1;
}

/* Out of line on purpose: srt_json_string_raw inlines the short strings' case. */
__attribute__((noinline)) const char *
srt_json_string_scan(const char *p, const char *end, const char **s, uint32_t *n, int *has_esc)
{
    if (p < end && *p == '\'')
        return j_string_sq(p, end, s, n, has_esc);
    if (p >= end || *p != '"')
        return NULL;
    const char *start = ++p;
    int esc = 0;
    for (;;) {
        /* Find the next '"', '\\' or control byte: 8 bytes at a time while 8 remain.
           The lowest flagged byte of the mask is exact (borrows only run upwards). */
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
        while (end - p >= 8) {
            uint64_t w;
            memcpy(&w, p, 8);
            uint64_t m = j_special(w);
            if (m) {
                p += __builtin_ctzll(m) >> 3;
                goto special;
            }
            p += 8;
        }
#endif
        while (p < end) {
            unsigned char c = (unsigned char)*p;
            if (c == '"' || c == '\\' || c < 0x20)
                goto special;
            p++;
        }
        return NULL;
    special:
        if (*p == '"')
            break;
        if (*p != '\\')
            return NULL; /* a raw control character */
        esc = 1;
        if (!(p = cm_json_escape(p, end)))
            return NULL;
    }
    *s = start;
    *n = (uint32_t)(p - start);
    *has_esc = esc;
    return p + 1;
}

const char *srt_json_string_raw(const char *p, const char *end, const char **s, uint32_t *n,
                                int *has_esc)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    /* A double-quoted string of up to 7 bytes without escapes (a key, a word): one load. */
    if (end - p >= 9 && *p == '"') {
        uint64_t w;
        memcpy(&w, p + 1, 8);
        uint64_t m = j_special(w);
        const char *q = p + 1 + (__builtin_ctzll(m | CM_SWAR_HIGHS << 56) >> 3);
        if (*q == '"') { /* else a backslash or a control byte, or no end in sight */
            *s = p + 1;
            *n = (uint32_t)(q - p - 1);
            *has_esc = 0;
            return q + 1;
        }
    }
#endif
    return srt_json_string_scan(p, end, s, n, has_esc);
}

/* The end of the number token at p (common/cm_json_lex.h), or NULL. */
static inline const char *j_number(const char *p, const char *end)
{
    CmJsonNum num;
    return cm_json_number(p, end, &num);
}

/* The literal word (true/false/null) at p, followed by a token end. */
static inline const char *j_word(const char *p, const char *end, const char *w, size_t n)
{
    if ((size_t)(end - p) < n || memcmp(p, w, n) != 0 || !cm_json_token_end(p + n, end))
        return NULL;
    return p + n;
}

/* Jackson's non-numeric number at p (common/cm_json_lex.h): the token's end, *v its value;
   or NULL. */
static inline const char *j_nonnum(const char *p, const char *end, double *v)
{
    int sign;
    const char *q = cm_json_nonnum(p, end, &sign);
    if (q)
        *v = sign == 0 ? (double)NAN : sign * (double)INFINITY;
    return q;
}

/* A JSON null at p (the caller saw 'n'): its end with *st = SRT_JV_NULL, or NULL. */
static inline const char *j_null(const char *p, const char *end, int *st)
{
    const char *q = j_word(p, end, "null", 4);
    if (q)
        *st = SRT_JV_NULL;
    return q;
}

static const char *j_skip(const char *p, const char *end, int depth);

static const char *j_skip_object(const char *p, const char *end, int depth)
{
    const char *s;
    uint32_t n;
    int esc;
    p = srt_json_ws(p + 1, end);
    if (p < end && *p == '}')
        return p + 1;
    for (;;) {
        p = srt_json_string_raw(p, end, &s, &n, &esc);
        if (!p)
            return NULL;
        p = srt_json_ws(p, end);
        if (p >= end || *p != ':')
            return NULL;
        p = srt_json_ws(p + 1, end);
        p = j_skip(p, end, depth + 1);
        if (!p)
            return NULL;
        p = srt_json_ws(p, end);
        if (p >= end)
            return NULL;
        if (*p == '}')
            return p + 1;
        if (*p != ',')
            return NULL;
        p = srt_json_ws(p + 1, end);
    }
}

static const char *j_skip_array(const char *p, const char *end, int depth)
{
    p = srt_json_ws(p + 1, end);
    if (p < end && *p == ']')
        return p + 1;
    for (;;) {
        p = j_skip(p, end, depth + 1);
        if (!p)
            return NULL;
        p = srt_json_ws(p, end);
        if (p >= end)
            return NULL;
        if (*p == ']')
            return p + 1;
        if (*p != ',')
            return NULL;
        p = srt_json_ws(p + 1, end);
    }
}

static const char *j_skip(const char *p, const char *end, int depth)
{
    const char *s;
    uint32_t n;
    int esc;
    if (p >= end || depth > J_MAX_DEPTH)
        return NULL;
    switch (*p) {
    case '"':
    case '\'':
        return srt_json_string_raw(p, end, &s, &n, &esc);
    case '{':
        return j_skip_object(p, end, depth);
    case '[':
        return j_skip_array(p, end, depth);
    case 't':
        return j_word(p, end, "true", 4);
    case 'f':
        return j_word(p, end, "false", 5);
    case 'n':
        return j_word(p, end, "null", 4);
    default: {
        double d;
        if (cm_json_nonnum_start(p, end))
            return j_nonnum(p, end, &d);
        return j_number(p, end);
    }
    }
}

/* Out of line on purpose: codegen inlines the fast paths and calls this one. */
__attribute__((noinline)) const char *srt_json_skip(const char *p, const char *end)
{
    return j_skip(p, end, 0);
}

/* Are the n bytes at p those at k (n >= 4, both readable)?  Words of 8 bytes, the last one
   overlapping. */
static inline int j_same(const char *p, const char *k, size_t n)
{
    uint64_t a, b;
    if (n < 8) {
        uint32_t c, d, e, f;
        memcpy(&c, p, 4);
        memcpy(&d, k, 4);
        memcpy(&e, p + n - 4, 4);
        memcpy(&f, k + n - 4, 4);
        return c == d && e == f;
    }
    for (size_t i = 0; i + 8 < n; i += 8) {
        memcpy(&a, p + i, 8);
        memcpy(&b, k + i, 8);
        if (a != b)
            return 0;
    }
    memcpy(&a, p + n - 8, 8);
    memcpy(&b, k + n - 8, 8);
    return a == b;
}

/* Out of line on purpose: the keys of the expected shape (cg_json.c shape_record) whose values
   the query does not read, one call for a run of them instead of code per key.  No '\r' is
   taken (srt_abi.h): spaces are j_ws_line's, and an object or array, whose spaces j_skip
   would take, is left to the key loop. */
__attribute__((noinline)) const char *srt_json_shape_skip(const char *p, const char *end,
                                                          const unsigned char *keys)
{
    for (size_t n; (n = *keys) != 0; keys += n + 1) {
        const char *k = (const char *)keys + 1;
        size_t m = n;
        if ((size_t)(end - p) < m || !j_same(p, k, m)) {
            if (*k != ',' || p >= end || *p != ',') /* `,` and spaces, then the key */
                return NULL;
            p = j_ws_line(p + 1, end);
            k++;
            m--;
            if ((size_t)(end - p) < m || !j_same(p, k, m))
                return NULL;
        }
        p = j_ws_line(p + m, end);
        if (p < end && (*p == '{' || *p == '['))
            return NULL;
        p = j_skip(p, end, 0);
        if (!p)
            return NULL;
    }
    return p;
}

const char *srt_json_bom(const char *p, const char *end)
{
    return end - p >= 3 && (unsigned char)p[0] == 0xEF && (unsigned char)p[1] == 0xBB &&
                   (unsigned char)p[2] == 0xBF
               ? p + 3
               : p;
}

/* Out of line on purpose: top-level arrays are rare. */
__attribute__((noinline)) const char *srt_json_rows_array(const char *p, const char *end)
{
    if (p >= end || *p != '[')
        return NULL;
    p = srt_json_ws(p + 1, end);
    if (p < end && *p == ']')
        return p + 1;
    for (;;) {
        if (p >= end || *p != '{' || !(p = j_skip(p, end, 1)))
            return NULL;
        p = srt_json_ws(p, end);
        if (p < end && *p == ']')
            return p + 1;
        if (p >= end || *p != ',')
            return NULL;
        p = srt_json_ws(p + 1, end);
    }
}

/* A valid value of the wrong type: skip it and report BADTYPE. */
static const char *j_badtype(const char *p, const char *end, int *st)
{
    p = srt_json_skip(p, end);
    if (p)
        *st = SRT_JV_BADTYPE;
    return p;
}

const char *srt_json_bool(const char *p, const char *end, int64_t *out, int *st)
{
    if (p < end) {
        const char *q;
        if (*p == 't' && (q = j_word(p, end, "true", 4))) {
            *out = 1;
            *st = SRT_JV_OK;
            return q;
        }
        if (*p == 'f' && (q = j_word(p, end, "false", 5))) {
            *out = 0;
            *st = SRT_JV_OK;
            return q;
        }
        if (*p == 'n')
            return j_null(p, end, st);
    }
    return j_badtype(p, end, st);
}

/* An integer token: 1 ok (*v set), 0 valid number but not an int64 (fraction,
   exponent or overflow; *q after it), -1 malformed. */
static inline int j_int(const char *p, const char *end, int64_t *v, const char **q)
{
    CmJsonNum num;
    *q = cm_json_number(p, end, &num);
    if (!*q)
        return -1;
    if (!cm_json_num_is_long(&num))
        return 0;
    *v = num.neg ? (int64_t)(0 - num.mag) : (int64_t)num.mag;
    return 1;
}

static const char *j_integral(const char *p, const char *end, int64_t lo, int64_t hi, int64_t *out,
                              int *st)
{
    if (p < end && (*p == '-' || cm_json_digit(*p)) && !cm_json_nonnum_start(p, end)) {
        int64_t v;
        const char *q;
        int r = j_int(p, end, &v, &q);
        if (r < 0)
            return NULL;
        if (r == 0 || v < lo || v > hi) {
            *st = SRT_JV_BADTYPE;
            return q;
        }
        *out = v;
        *st = SRT_JV_OK;
        return q;
    }
    if (p < end && *p == 'n')
        return j_null(p, end, st);
    return j_badtype(p, end, st);
}

/* Out of line on purpose: srt_json_i32 and srt_json_i64 inline the plain integers' case (a
   few digits), every other token comes here (inlined, this was a function of 350 lines that
   LLVM optimised and compiled again in every build reading an integer column). */
__attribute__((noinline)) const char *srt_json_integral(const char *p, const char *end, int64_t lo,
                                                        int64_t hi, int64_t *out, int *st)
{
    return j_integral(p, end, lo, hi, out, st);
}

/* A plain integer of 1 to 18 digits (no leading zero, an optional '-', then a token end) at p:
   its end with *v its value, or NULL (anything else, for j_integral). */
static inline const char *j_plain_int(const char *p, const char *end, int64_t *v)
{
    const char *q = p;
    bool neg = q < end && *q == '-';
    q += neg;
    const char *d = q;
    uint64_t m = 0;
    while (q < end && q - d < 18 && cm_json_digit(*q))
        m = m * 10 + (uint64_t)(*q++ - '0');
    if (q == d || (*d == '0' && q - d > 1) || !cm_json_token_end(q, end))
        return NULL;
    *v = neg ? -(int64_t)m : (int64_t)m;
    return q;
}

const char *srt_json_i32(const char *p, const char *end, int64_t *out, int *st)
{
    int64_t v;
    const char *q = j_plain_int(p, end, &v);
    if (q && v >= INT32_MIN && v <= INT32_MAX) {
        *out = v;
        *st = SRT_JV_OK;
        return q;
    }
    return srt_json_integral(p, end, INT32_MIN, INT32_MAX, out, st);
}

const char *srt_json_i64(const char *p, const char *end, int64_t *out, int *st)
{
    int64_t v;
    const char *q = j_plain_int(p, end, &v);
    if (q) {
        *out = v;
        *st = SRT_JV_OK;
        return q;
    }
    return srt_json_integral(p, end, INT64_MIN, INT64_MAX, out, st);
}

/* Convert the validated number token [p, q) to double: cm_double.h's exact paths, else
   strtod on a bounded copy. */
static double j_to_double(const char *p, const char *q)
{
    CmDecimal dec;
    double d;
    cm_decimal_scan(p, q, &dec);
    if (cm_decimal_double(&dec, &d))
        return d;
    int neg = dec.neg, nonzero_dropped = dec.nonzero_dropped;
    uint64_t m = dec.m;
    long e10 = dec.e10;
    char buf[512];
    if ((size_t)(q - p) < sizeof buf) { /* the usual slow path: strtod on an exact copy */
        memcpy(buf, p, (size_t)(q - p));
        buf[q - p] = '\0';
        return strtod(buf, NULL);
    }
    /* Tokens of 512+ bytes: the first 19 significant digits plus a sticky digit, which
       rounds correctly except in pathological near-halfway cases. */
    int k = 0;
    if (neg)
        buf[k++] = '-';
    char digits[24];
    int nd2 = 0;
    for (uint64_t t = m; t; t /= 10)
        digits[nd2++] = (char)('0' + t % 10);
    while (nd2)
        buf[k++] = digits[--nd2];
    if (nonzero_dropped) {
        buf[k++] = '1';
        e10--;
    }
    buf[k++] = 'e';
    long ee = e10;
    if (ee < 0) {
        buf[k++] = '-';
        ee = -ee;
    }
    char ed[24];
    int ne = 0;
    do {
        ed[ne++] = (char)('0' + ee % 10);
        ee /= 10;
    } while (ee);
    while (ne)
        buf[k++] = ed[--ne];
    buf[k] = '\0';
    return strtod(buf, NULL);
}

/* The strings a DOUBLE field accepts besides numbers: Spark's JacksonParser (DoubleType,
   VALUE_STRING with allowNonNumericNumbers, true by default) matches the same six words
   Jackson accepts as tokens. */
static int j_special_double(const char *s, uint32_t n, double *out)
{
    return n && j_nonnum(s, s + n, out) == s + n;
}

/* A string token's text, decoded into tmp when it has escapes and fits (Jackson compares
   the decoded text); the position after it, or NULL if malformed. */
static const char *j_string_text(const char *p, const char *end, char *tmp, uint32_t cap,
                                 const char **s, uint32_t *n)
{
    int esc;
    const char *q = srt_json_string_raw(p, end, s, n, &esc);
    if (q && esc && *n <= cap) {
        *n = srt_json_unescape(*s, *n, tmp);
        *s = tmp;
    }
    return q;
}

/* Whether the number token [p, q) is an integer one (VALUE_NUMBER_INT: no fraction, no
   exponent).  Jackson reads such a token as an int, long or BigInteger and converts that to
   double or float (ParserBase.convertNumberToDouble), so "-0" is +0.0. */
static int j_int_token(const char *p, const char *q)
{
    for (; p < q; p++)
        if (*p == '.' || *p == 'e' || *p == 'E')
            return 0;
    return 1;
}

const char *srt_json_f64(const char *p, const char *end, double *out, int *st)
{
    if (p < end && cm_json_nonnum_start(p, end)) {
        const char *q = j_nonnum(p, end, out);
        if (q)
            *st = SRT_JV_OK;
        return q;
    }
    if (p < end && (*p == '-' || cm_json_digit(*p))) {
        const char *q = j_number(p, end);
        if (!q)
            return NULL;
        *out = j_to_double(p, q);
        if (*out == 0 && j_int_token(p, q))
            *out = 0.0; /* the integer 0 converted: no negative zero */
        *st = SRT_JV_OK;
        return q;
    }
    if (p < end && *p == 'n')
        return j_null(p, end, st);
    if (p < end && (*p == '"' || *p == '\'')) {
        const char *s;
        uint32_t n;
        char tmp[16];
        const char *q = j_string_text(p, end, tmp, sizeof tmp, &s, &n);
        if (!q)
            return NULL;
        *st = j_special_double(s, n, out) ? SRT_JV_OK : SRT_JV_BADTYPE;
        return q;
    }
    return j_badtype(p, end, st);
}

/* FLOAT: JacksonParser's getFloatValue parses the number text straight to the nearest float
   (Float.parseFloat, or (float) of an integer: one rounding either way), so strtof on the
   token ("-0" is +0.0f, as for DOUBLE); NaN and the infinities as for DOUBLE. */
const char *srt_json_f32(const char *p, const char *end, float *out, int *st)
{
    if (p < end && (*p == '-' || cm_json_digit(*p))) {
        const char *q = j_number(p, end);
        if (!q)
            return NULL;
        char small[128];
        size_t n = (size_t)(q - p);
        char *buf = n < sizeof small ? small : malloc(n + 1);
        if (!buf)
            return NULL;
        memcpy(buf, p, n);
        buf[n] = '\0';
        *out = strtof(buf, NULL);
        if (*out == 0 && j_int_token(p, q))
            *out = 0.0f; /* (float) of the integer 0 (convertNumberToFloat) */
        if (buf != small)
            free(buf);
        *st = SRT_JV_OK;
        return q;
    }
    double d = 0;
    const char *q = srt_json_f64(p, end, &d, st);
    *out = (float)d;
    return q;
}

/* DECIMAL(p, s): Spark's JacksonParser reads a number token exactly (getDecimalValue) and a
   non-empty string with ExprUtils.getDecimalParser, then Decimal(bd, p, s), which fails the
   record when the value needs more than p digits. */
const char *srt_json_dec(const char *p, const char *end, int32_t prec, int32_t scale, srt_i128 *out,
                         int *st)
{
    if (p < end && (*p == '-' || cm_json_digit(*p))) {
        const char *q = j_number(p, end);
        if (!q)
            return NULL;
        *st =
            srt_text_dec(p, (uint32_t)(q - p), prec, scale, out) == 1 ? SRT_JV_OK : SRT_JV_BADTYPE;
        return q;
    }
    if (p < end && *p == 'n')
        return j_null(p, end, st);
    if (p < end && (*p == '"' || *p == '\'')) {
        const char *s;
        uint32_t n;
        char tmp[128];
        const char *q = j_string_text(p, end, tmp, sizeof tmp, &s, &n);
        if (!q)
            return NULL;
        *st = n > 0 && srt_text_dec(s, n, prec, scale, out) == 1 ? SRT_JV_OK : SRT_JV_BADTYPE;
        return q;
    }
    return j_badtype(p, end, st);
}

/* Out of line on purpose: codegen inlines the fast paths and calls this one. */
__attribute__((noinline)) uint32_t srt_json_unescape(const char *s, uint32_t n, char *out)
{
    return (uint32_t)cm_json_unescape(s, n, out);
}

/* The usual TIMESTAMP field, epoch seconds: 1 to 12 digits without a leading zero, then a
   token end; the position after it with the value in *v, else NULL (the general path). */
static inline const char *j_epoch_seconds(const char *p, const char *end, uint64_t *v)
{
    const char *s = p;
    uint64_t m = 0, w;
    if (end - s >= 8 && cm_json_eight_digits(s, &w)) {
        m = w;
        s += 8;
    }
    for (; s < end && s - p < 12 && cm_json_digit(*s); s++)
        m = m * 10 + (uint64_t)(*s - '0');
    if (s == p || *p == '0' || !cm_json_token_end(s, end))
        return NULL;
    *v = m;
    return s;
}

/* The most usual TIMESTAMP field of all: epoch seconds of ten digits (2001-09-09 to
   2286-11-20), then a token end, without a loop; the position after it with the value in *v,
   else NULL. */
static inline const char *j_ten_digits(const char *p, const char *end, uint64_t *v)
{
    uint64_t hi;
    if (end - p < 11 || *p == '0' || !cm_json_eight_digits(p, &hi))
        return NULL;
    unsigned d8 = (unsigned)(unsigned char)p[8] - '0', d9 = (unsigned)(unsigned char)p[9] - '0';
    if (d8 > 9 || d9 > 9 || !cm_json_delim(p[10]))
        return NULL;
    *v = hi * 100 + d8 * 10 + d9;
    return p + 10;
}

/* Ten digits here, everything else in srt_json_ts_rest (its frame, buffer and saved
   registers cost the usual case a third of its instructions): 105 -> 63 instructions a
   record on the events benchmark (callgrind), where 1 to 12 digits were tried here first.
   Called, not inlined: see cg_module.c's hot helpers. */
const char *srt_json_ts(const char *p, const char *end, int64_t *out_us, int *st)
{
    uint64_t secs;
    const char *q = j_ten_digits(p, end, &secs);
    if (q) {
        *out_us = (int64_t)secs * 1000000; /* below 10^10 s: no overflow */
        *st = SRT_JV_OK;
        return q;
    }
    return srt_json_ts_rest(p, end, out_us, st);
}

__attribute__((noinline)) const char *srt_json_ts_rest(const char *p, const char *end,
                                                       int64_t *out_us, int *st)
{
    uint64_t secs;
    const char *after;
    if (p < end && cm_json_digit(*p) && (after = j_epoch_seconds(p, end, &secs)) != NULL) {
        *out_us = (int64_t)secs * 1000000; /* below 10^12 s: no overflow */
        *st = SRT_JV_OK;
        return after;
    }
    if (p < end && (*p == '-' || cm_json_digit(*p)) && !cm_json_nonnum_start(p, end)) {
        int64_t v;
        const char *q;
        int r = j_int(p, end, &v, &q);
        if (r < 0)
            return NULL;
        if (r == 0 || v > INT64_MAX / 1000000 || v < INT64_MIN / 1000000) {
            /* Spark's JacksonParser multiplies without a check (a wrapped time); out of
               range here, so the record is malformed instead. */
            const char *d = p + (*p == '-');
            while (d < q && cm_json_digit(*d))
                d++;
            *st = d == q ? SRT_JV_RANGE : SRT_JV_BADTYPE; /* an integer, or a fraction */
            return q;
        }
        *out_us = v * 1000000;
        *st = SRT_JV_OK;
        return q;
    }
    if (p < end && *p == 'n')
        return j_null(p, end, st);
    if (p < end && (*p == '"' || *p == '\'')) {
        const char *s;
        uint32_t n;
        int esc;
        const char *q = srt_json_string_raw(p, end, &s, &n, &esc);
        if (!q)
            return NULL;
        char tmp[64];
        if (esc) {
            if (n > sizeof tmp) {
                *st = SRT_JV_BADTYPE;
                return q;
            }
            n = srt_json_unescape(s, n, tmp);
            s = tmp;
        }
        *st = srt_ts_parse(s, n, out_us) == 0 ? SRT_JV_OK : SRT_JV_BADTYPE;
        return q;
    }
    return j_badtype(p, end, st);
}

/* DATE: Spark's JacksonParser reads a DateType from a string only (a number is a value of
   the wrong type); the string as srt_json_ts reads it, in µs. */
const char *srt_json_date(const char *p, const char *end, int64_t *out_us, int *st)
{
    if (p < end && (*p == '-' || cm_json_digit(*p) || cm_json_nonnum_start(p, end)))
        return j_badtype(p, end, st);
    return srt_json_ts(p, end, out_us, st);
}

/* A string token's text, decoded (into scratch memory of q when it has escapes); the position
   after it, or NULL when it is malformed. */
static const char *j_string_text_q(SrtQuery *q, const char *p, const char *end, const char **s,
                                   uint32_t *n)
{
    int esc;
    const char *r = srt_json_string_raw(p, end, s, n, &esc);
    if (r && esc) {
        char *d = srt_scratch_alloc(q, *n ? *n : 1);
        *n = srt_json_unescape(*s, *n, d);
        *s = d;
    }
    return r;
}

/* When p starts a string token: true, its text in *s, *n (as j_string_text_q) and in *r the
   position after it (NULL when it is malformed). */
static bool j_string_token(SrtQuery *q, const char *p, const char *end, const char **s, uint32_t *n,
                           const char **r)
{
    if (p >= end || (*p != '"' && *p != '\''))
        return false;
    *r = j_string_text_q(q, p, end, s, n);
    return true;
}

/* JacksonParser's TimestampType/DateType converters with a pattern: VALUE_STRING with
   getTextLength >= 1 goes to the formatter (an exception makes the value bad, no fallback
   when the option is set); other tokens are converted as without it. */
static const char *j_time_fmt(SrtQuery *q, const char *p, const char *end, const char *fmt,
                              uint32_t fmt_n, bool date, int64_t *out_us, int *st)
{
    const char *s, *r;
    uint32_t n;
    if (j_string_token(q, p, end, &s, &n, &r)) {
        if (!r)
            return NULL;
        int rc = -1;
        if (n > 0 && fmt)
            rc = date ? srt_date_parse_fmt(s, n, fmt, fmt_n, out_us)
                      : srt_ts_parse_fmt(s, n, fmt, fmt_n, out_us);
        *st = rc == 0 ? SRT_JV_OK : SRT_JV_BADTYPE;
        return r;
    }
    return date ? srt_json_date(p, end, out_us, st) : srt_json_ts(p, end, out_us, st);
}

const char *srt_json_ts_fmt(SrtQuery *q, const char *p, const char *end, const char *fmt,
                            uint32_t fmt_n, int64_t *out_us, int *st)
{
    return j_time_fmt(q, p, end, fmt, fmt_n, false, out_us, st);
}

const char *srt_json_date_fmt(SrtQuery *q, const char *p, const char *end, const char *fmt,
                              uint32_t fmt_n, int64_t *out_us, int *st)
{
    return j_time_fmt(q, p, end, fmt, fmt_n, true, out_us, st);
}

/* A converter of string tokens only (JacksonParser's parseJsonToken with a VALUE_STRING case):
   a string's text through conv (0: converted, else the value is bad), null is NULL, any other
   token fails the record (failedConversion). */
typedef int (*JStringConv)(const char *s, uint32_t n, int32_t arg, int64_t *out);

static const char *j_string_only(SrtQuery *q, const char *p, const char *end, JStringConv conv,
                                 int32_t arg, int64_t *out, int *st)
{
    const char *s, *r;
    uint32_t n;
    if (j_string_token(q, p, end, &s, &n, &r)) {
        if (r)
            *st = conv(s, n, arg, out) == 0 ? SRT_JV_OK : SRT_JV_BADTYPE;
        return r;
    }
    if (p < end && *p == 'n')
        return j_null(p, end, st);
    return j_badtype(p, end, st);
}

/* JacksonParser's DayTimeIntervalType and YearMonthIntervalType converters: a VALUE_STRING is
   Cast(Literal(text), type) (castStringToDTInterval / castStringToYMInterval, which throw on
   a malformed string: the record is malformed). */
const char *srt_json_iv(SrtQuery *q, const char *p, const char *end, int32_t fields, int64_t *out,
                        int *st)
{
    return j_string_only(q, p, end, srt_text_iv, fields, out, st);
}

/* DefaultTimestampFormatter.parseWithoutTimeZone(s, false) of a text of one byte or more. */
static int j_ntz_text(const char *s, uint32_t n, int32_t arg, int64_t *out)
{
    (void)arg;
    return n > 0 && cm_ts_parse_ntz(s, n, out) == 0 ? 0 : -1;
}

/* JacksonParser's TimestampNTZType converter without timestampNTZFormat: VALUE_STRING with
   getTextLength >= 1 to parseWithoutTimeZone(s, false); other tokens fail the conversion. */
const char *srt_json_ts_ntz(SrtQuery *q, const char *p, const char *end, int64_t *out_us, int *st)
{
    return j_string_only(q, p, end, j_ntz_text, 0, out_us, st);
}

/* JacksonParser's TimestampNTZType converter with timestampNTZFormat: a VALUE_STRING of one
   byte or more read with that pattern (the zone-reading ones never reach here: the compiler
   passes fmt NULL for them and for a refused pattern, and then no string parses). */
const char *srt_json_ts_ntz_fmt(SrtQuery *q, const char *p, const char *end, const char *fmt,
                                uint32_t fmt_n, int64_t *out_us, int *st)
{
    const char *s, *r;
    uint32_t n;
    if (j_string_token(q, p, end, &s, &n, &r)) {
        if (r)
            *st = n > 0 && fmt && srt_ts_ntz_parse_fmt(s, n, fmt, fmt_n, out_us) == 0
                      ? SRT_JV_OK
                      : SRT_JV_BADTYPE;
        return r;
    }
    if (p < end && *p == 'n')
        return j_null(p, end, st);
    return j_badtype(p, end, st);
}

/* A non-numeric number as Jackson's generator writes it (writeNumber(double) with
   QUOTE_NON_NUMERIC_NUMBERS): a quoted "NaN", "Infinity" or "-Infinity". */
static const char *j_nonnum_text(double d)
{
    return d != d ? "\"NaN\"" : d > 0 ? "\"Infinity\"" : "\"-Infinity\"";
}

/* The text of a non-string value as Jackson re-serialises it: whitespace outside strings
   removed, single-quoted strings double-quoted, non-numeric numbers quoted.  out has room
   for 2 * n + 16 bytes. */
static uint32_t j_compact(const char *s, uint32_t n, char *out)
{
    const char *e = s + n;
    char *o = out;
    char q = 0; /* the quote of the string being copied */
    while (s < e) {
        char c = *s;
        if (q) {
            if (c == '\\') {
                if (s[1] == '\'') { /* \' needs no escape in double quotes */
                    *o++ = '\'';
                } else {
                    *o++ = c;
                    *o++ = s[1];
                }
                s += 2;
                continue;
            }
            if (c == q) {
                *o++ = '"';
                q = 0;
            } else if (c == '"') { /* inside single quotes */
                *o++ = '\\';
                *o++ = c;
            } else {
                *o++ = c;
            }
            s++;
        } else if (c == '"' || c == '\'') {
            q = c;
            *o++ = '"';
            s++;
        } else if (c == ' ' || c == '\t' || c == '\r') {
            s++;
        } else if (cm_json_nonnum_start(s, e)) {
            double d = 0;
            const char *r = j_nonnum(s, e, &d);
            const char *t = j_nonnum_text(d);
            size_t tn = strlen(t);
            memcpy(o, t, tn);
            o += tn;
            s = r;
        } else {
            *o++ = c;
            s++;
        }
    }
    return (uint32_t)(o - out);
}

/* Out of line on purpose: srt_json_str inlines a string without escapes and calls this for
   anything else (escapes, null, a value of another type; a string with escapes is scanned a
   second time here, which keeps the inlined path to one scan and no decoding). */
__attribute__((noinline)) const char *srt_json_str_any(const char *p, const char *end, SrtQuery *q,
                                                       const char **s, uint32_t *n, int *st)
{
    if (p >= end)
        return NULL;
    if (*p == '"' || *p == '\'') {
        int esc;
        const char *r = srt_json_string_raw(p, end, s, n, &esc);
        if (!r)
            return NULL;
        if (esc) {
            char *d = srt_scratch_alloc(q, *n ? *n : 1);
            *n = srt_json_unescape(*s, *n, d);
            *s = d;
        }
        *st = SRT_JV_OK;
        return r;
    }
    if (*p == 'n')
        return j_null(p, end, st);
    return srt_json_token_text(p, end, q, s, n, st);
}

/* A string without escapes decoded here (word_tried: its one-load test, srt_json_string_raw's
   first, has failed already: the scan straight away), anything else by srt_json_str_any. */
static inline const char *j_str(const char *p, const char *end, SrtQuery *q, const char **s,
                                uint32_t *n, int *st, int word_tried)
{
    if (p < end && *p == '"') {
        int esc;
        const char *r = word_tried ? srt_json_string_scan(p, end, s, n, &esc)
                                   : srt_json_string_raw(p, end, s, n, &esc);
        if (r && !esc) {
            *st = SRT_JV_OK;
            return r;
        }
    }
    return srt_json_str_any(p, end, q, s, n, st);
}

const char *srt_json_str(const char *p, const char *end, SrtQuery *q, const char **s, uint32_t *n,
                         int *st)
{
    return j_str(p, end, q, s, n, st, 0);
}

/* After the caller's own one-load test of a short string missed (the expected shape's fast
   value, codegen's cg_json.c shape_value). */
const char *srt_json_str_long(const char *p, const char *end, SrtQuery *q, const char **s,
                              uint32_t *n, int *st)
{
    return j_str(p, end, q, s, n, st, 1);
}

/* Out of line on purpose: codegen inlines the fast paths and calls this one. */
__attribute__((noinline)) const char *srt_json_token_text(const char *p, const char *end,
                                                          SrtQuery *q, const char **s, uint32_t *n,
                                                          int *st)
{
    const char *r = srt_json_skip(p, end);
    if (!r)
        return NULL;
    uint32_t len = (uint32_t)(r - p);
    *s = p;
    *n = len;
    if (*p == '{' || *p == '[') {
        int redo = 0; /* anything Jackson's generator would write differently */
        for (uint32_t i = 0; i < len && !redo; i++)
            redo = p[i] == ' ' || p[i] == '\t' || p[i] == '\r' || p[i] == '\'' || p[i] == 'N' ||
                   p[i] == 'I';
        if (redo) {
            char *d = srt_scratch_alloc(q, 2 * (size_t)len + 16);
            *n = j_compact(p, len, d);
            *s = d;
        }
    } else if (cm_json_nonnum_start(p, r)) {
        double d = 0;
        j_nonnum(p, r, &d);
        *s = j_nonnum_text(d);
        *n = (uint32_t)strlen(*s);
    }
    *st = SRT_JV_OK;
    return r;
}
