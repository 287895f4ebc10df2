/* cm_json_lex.h - the JSON tokens whose rules schema inference (sema_infer.c) and the reader
** (srt_json.c) must share: what a number is, which type Spark infers for it, Jackson's
** non-numeric numbers, and where a scalar token ends.  Static inline: the reader's helpers
** are inlined into generated code per value.
**
** A number is RFC 8259's -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)? followed by a token
** end (whitespace, ',', '}', ']' or the end of the text).  Spark's JSONOptions turn on
** allowNonNumericNumbers: Jackson then also reads NaN, Infinity, +Infinity, +INF, -Infinity
** and -INF as numbers (ReaderBasedJsonParser._handleOddValue, _handleInvalidNumberStart).
** Strings: the standard escapes plus \' (allowSingleQuotes), decoded as Spark keeps them
** (UTF8String.fromString of Jackson's text).
*/
#ifndef CM_JSON_LEX_H
#define CM_JSON_LEX_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* A number token as the lexer saw it. */
typedef struct CmJsonNum {
    bool is_int;   /* no fraction and no exponent: Jackson's VALUE_NUMBER_INT */
    bool neg;      /* a leading '-' */
    int digits;    /* digits of the integer part */
    uint64_t mag;  /* the integer part's value (its first 19 digits) */
} CmJsonNum;

static inline bool cm_json_digit(char c)
{
    return c >= '0' && c <= '9';
}

static inline int cm_json_hex(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/* What may follow a scalar token. */
static inline bool cm_json_delim(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == ',' || c == '}' || c == ']';
}

static inline bool cm_json_token_end(const char *p, const char *end)
{
    return p == end || cm_json_delim(*p);
}

/* Whether the 8 bytes at p are ASCII digits, and then their value in *out.  A digit byte has
   high nibble 3 and stays below 0x40 when 6 is added; the value is built in three
   multiply-and-add rounds, pairs, then quadruples, then the whole (little-endian load: the
   first digit is the lowest byte).  Big-endian targets take the digit loop. */
static inline bool cm_json_eight_digits(const char *p, uint64_t *out)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    uint64_t v;
    memcpy(&v, p, 8);
    if (((v & 0xF0F0F0F0F0F0F0F0u) | (((v + 0x0606060606060606u) & 0xF0F0F0F0F0F0F0F0u) >> 4)) !=
        0x3333333333333333u)
        return false;
    v -= 0x3030303030303030u;
    v = v * 10 + (v >> 8); /* each 16-bit lane: 10 * its first digit + its second */
    v = ((v & 0x000000FF000000FFu) * (100 + (1000000ull << 32)) +
         ((v >> 16) & 0x000000FF000000FFu) * (1 + (10000ull << 32))) >> 32;
    *out = (uint32_t)v;
    return true;
#else
    (void)p;
    (void)out;
    return false;
#endif
}

/* One or more digits at p: the position after them, or NULL. */
static inline const char *cm_json_digits(const char *p, const char *end)
{
    if (p >= end || !cm_json_digit(*p))
        return NULL;
    while (p < end && cm_json_digit(*p))
        p++;
    return p;
}

/* The number token at p, whatever follows it: the position after it with *num filled, or
   NULL if [p, end) does not start with one. */
static inline const char *cm_json_number_scan(const char *p, const char *end, CmJsonNum *num)
{
    num->neg = p < end && *p == '-';
    if (num->neg)
        p++;
    if (p >= end)
        return NULL;
    uint64_t m = 0;
    int nd = 0;
    if (*p == '0') {
        p++;
        nd = 1;
    } else if (*p >= '1' && *p <= '9') {
        /* Eight digits at a time while they fit the 19 kept (an epoch time is ten). */
        for (uint64_t w; nd <= 11 && end - p >= 8 && cm_json_eight_digits(p, &w); p += 8, nd += 8)
            m = m * 100000000u + w;
        for (; p < end && cm_json_digit(*p); p++, nd++)
            if (nd < 19)
                m = m * 10 + (uint64_t)(*p - '0');
    } else {
        return NULL;
    }
    num->mag = m;
    num->digits = nd;
    num->is_int = true;
    if (p < end && *p == '.') {
        if (!(p = cm_json_digits(p + 1, end)))
            return NULL;
        num->is_int = false;
    }
    if (p < end && (*p == 'e' || *p == 'E')) {
        p++;
        if (p < end && (*p == '+' || *p == '-'))
            p++;
        if (!(p = cm_json_digits(p, end)))
            return NULL;
        num->is_int = false;
    }
    return p;
}

/* The number token at p: the position after it with *num filled, or NULL if [p, end) does
   not start with one (a token end must follow). */
static inline const char *cm_json_number(const char *p, const char *end, CmJsonNum *num)
{
    p = cm_json_number_scan(p, end, num);
    return p && cm_json_token_end(p, end) ? p : NULL;
}

/* An integer token that fits a Java long (Jackson's number type INT or LONG). */
static inline bool cm_json_num_is_long(const CmJsonNum *n)
{
    return n->is_int && n->digits <= 19 &&
           n->mag <= (n->neg ? (uint64_t)INT64_MAX + 1 : (uint64_t)INT64_MAX);
}

/* The type Spark's JsonInferSchema.inferField gives a number token. */
typedef enum CmJsonNumType {
    CM_JNUM_BIGINT,  /* INT | LONG => LongType */
    CM_JNUM_DECIMAL, /* BIG_INTEGER => DecimalType(precision, 0) while precision <= 38 */
    CM_JNUM_DOUBLE   /* FLOAT | DOUBLE (and a BIG_INTEGER of more than 38 digits) => DoubleType */
} CmJsonNumType;

/* Spark's JsonInferSchema.inferField for VALUE_NUMBER_INT | VALUE_NUMBER_FLOAT (prefersDecimal
   off, its default): *precision is set for CM_JNUM_DECIMAL (the digits of the integer, as
   java.math.BigDecimal.precision counts them). */
static inline CmJsonNumType cm_json_num_type(const CmJsonNum *n, int *precision)
{
    if (!n->is_int)
        return CM_JNUM_DOUBLE;
    if (cm_json_num_is_long(n))
        return CM_JNUM_BIGINT;
    if (n->digits > 38)
        return CM_JNUM_DOUBLE;
    *precision = n->digits;
    return CM_JNUM_DECIMAL;
}

/* Whether p may start one of Jackson's non-numeric numbers (a cheap test first). */
static inline bool cm_json_nonnum_start(const char *p, const char *end)
{
    return *p == 'N' || *p == 'I' || *p == '+' || (*p == '-' && end - p > 1 && p[1] == 'I');
}

/* Jackson's non-numeric number at p, exactly one of the six words, whatever follows it: the
   position after it with *sign 0 (NaN), 1 or -1 (the infinities), or NULL. */
static inline const char *cm_json_nonnum_scan(const char *p, const char *end, int *sign)
{
    static const struct {
        const char *text;
        int sign;
    } words[] = {{"NaN", 0},        {"Infinity", 1},  {"+Infinity", 1},
                 {"+INF", 1},       {"-Infinity", -1}, {"-INF", -1}};
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
        size_t n = strlen(words[i].text);
        if ((size_t)(end - p) >= n && memcmp(p, words[i].text, n) == 0) {
            *sign = words[i].sign;
            return p + n;
        }
    }
    return NULL;
}

/* The same followed by a token end. */
static inline const char *cm_json_nonnum(const char *p, const char *end, int *sign)
{
    p = cm_json_nonnum_scan(p, end, sign);
    return p && cm_json_token_end(p, end) ? p : NULL;
}

/* The escape at p (a backslash): the position after it, or NULL.  \' is Jackson's extra
   escape when single quotes are allowed (ParserBase._handleUnrecognizedCharacterEscape). */
static inline const char *cm_json_escape(const char *p, const char *end)
{
    if (end - p < 2)
        return NULL;
    switch (p[1]) {
    case '"': case '\\': case '/': case 'b': case 'f': case 'n': case 'r': case 't': case '\'':
        return p + 2;
    case 'u':
        if (end - p < 6 || cm_json_hex(p[2]) < 0 || cm_json_hex(p[3]) < 0 || cm_json_hex(p[4]) < 0 ||
            cm_json_hex(p[5]) < 0)
            return NULL;
        return p + 6;
    default:
        return NULL;
    }
}

static inline uint32_t cm_json_hex4(const char *s)
{
    return (uint32_t)(cm_json_hex(s[0]) << 12 | cm_json_hex(s[1]) << 8 | cm_json_hex(s[2]) << 4 |
                      cm_json_hex(s[3]));
}

/* The first byte of [p, end) that is the quote, a backslash or a control character (below
   0x20), or end.  Eight bytes at a time: a byte is flagged by the zero-byte test of v ^ the
   byte, and by the below-0x20 test; the lowest flag of each test is exact (a borrow only
   flags bytes above a true one), so the lowest of them all is the first such byte.  Big-endian
   targets take the byte loop. */
static inline const char *cm_json_plain_run(const char *p, const char *end, char quote)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    const uint64_t ones = 0x0101010101010101u, highs = 0x8080808080808080u;
    const uint64_t q = ones * (unsigned char)quote, bs = ones * (unsigned char)'\\';
    while (end - p >= 8) {
        uint64_t v, vq, vb;
        memcpy(&v, p, 8);
        vq = v ^ q;
        vb = v ^ bs;
        uint64_t m = (((vq - ones) & ~vq) | ((vb - ones) & ~vb) | ((v - ones * 0x20) & ~v)) & highs;
        if (m)
            return p + (__builtin_ctzll(m) >> 3);
        p += 8;
    }
#endif
    while (p < end && *p != quote && *p != '\\' && (unsigned char)*p >= 0x20)
        p++;
    return p;
}

/* The closing quote of a string whose text starts at p (just after its opening quote `quote`):
   its position, or NULL if the text ends first or holds a bad escape or a raw control
   character (Jackson refuses those: ALLOW_UNQUOTED_CONTROL_CHARS is off by default).
   *has_esc: whether the text holds an escape (then cm_json_unescape decodes it). */
static inline const char *cm_json_string_end(const char *p, const char *end, char quote, bool *has_esc)
{
    *has_esc = false;
    while (p < end) {
        p = cm_json_plain_run(p, end, quote);
        if (p == end || *p == quote)
            break;
        if (*p != '\\') /* a control character */
            return NULL;
        *has_esc = true;
        if (!(p = cm_json_escape(p, end)))
            return NULL;
    }
    return p < end ? p : NULL;
}

/* The text of a string's bytes s[0, n) (between its quotes, escapes checked by cm_json_escape)
   into out, which has room for n bytes: its length.  A surrogate pair is one code point; an
   unpaired surrogate becomes '?', as Spark's UTF8String.fromString (String.getBytes(UTF_8))
   writes one. */
static inline size_t cm_json_unescape(const char *s, size_t n, char *out)
{
    const char *e = s + n;
    char *o = out;
    while (s < e) {
        if (*s != '\\') {
            *o++ = *s++;
            continue;
        }
        char c = s[1];
        s += 2;
        switch (c) {
        case 'b': *o++ = '\b'; break;
        case 'f': *o++ = '\f'; break;
        case 'n': *o++ = '\n'; break;
        case 'r': *o++ = '\r'; break;
        case 't': *o++ = '\t'; break;
        case 'u': {
            uint32_t cp = cm_json_hex4(s);
            s += 4;
            if (cp >= 0xD800 && cp <= 0xDBFF && e - s >= 6 && s[0] == '\\' && s[1] == 'u') {
                uint32_t lo = cm_json_hex4(s + 2);
                if (lo >= 0xDC00 && lo <= 0xDFFF) {
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                    s += 6;
                }
            }
            if (cp < 0x80 || (cp >= 0xD800 && cp <= 0xDFFF)) {
                *o++ = cp < 0x80 ? (char)cp : '?';
            } else if (cp < 0x800) {
                *o++ = (char)(0xC0 | (cp >> 6));
                *o++ = (char)(0x80 | (cp & 0x3F));
            } else if (cp < 0x10000) {
                *o++ = (char)(0xE0 | (cp >> 12));
                *o++ = (char)(0x80 | ((cp >> 6) & 0x3F));
                *o++ = (char)(0x80 | (cp & 0x3F));
            } else {
                *o++ = (char)(0xF0 | (cp >> 18));
                *o++ = (char)(0x80 | ((cp >> 12) & 0x3F));
                *o++ = (char)(0x80 | ((cp >> 6) & 0x3F));
                *o++ = (char)(0x80 | (cp & 0x3F));
            }
            break;
        }
        default: *o++ = c; break; /* " \ / ' */
        }
    }
    return (size_t)(o - out);
}

#endif
