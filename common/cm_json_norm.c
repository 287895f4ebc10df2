/* cm_json_norm.c - Spark's JSONOptions parser switches and the normal form of a record
** written with them (cm_json_opts.h).  The rules are Jackson 2.15's (ReaderBasedJsonParser,
** UTF8StreamJsonParser): where a switch is off, what it would allow is malformed.
*/
#include "common/cm_json_opts.h"

#include <string.h>
#include <strings.h>

#include "common/cm_json_lex.h"

const CmJsonOptKey cm_json_opt_keys[] = {
    {"allowComments", CM_JSON_COMMENTS, true},
    {"allowUnquotedFieldNames", CM_JSON_UNQUOTED_NAMES, true},
    {"allowSingleQuotes", CM_JSON_NO_SINGLE_QUOTES, false},
    {"allowNumericLeadingZeros", CM_JSON_LEADING_ZEROS, true},
    {"allowNonNumericNumbers", CM_JSON_NO_NONNUM, false},
    {"allowBackslashEscapingAnyCharacter", CM_JSON_ANY_ESCAPE, true},
    {"allowUnquotedControlChars", CM_JSON_CONTROL_CHARS, true},
};
const int cm_json_n_opt_keys = (int)(sizeof cm_json_opt_keys / sizeof cm_json_opt_keys[0]);

unsigned cm_json_opt_flags(const char *(*get)(const void *ctx, const char *key), const void *ctx)
{
    unsigned flags = 0;
    for (int i = 0; i < cm_json_n_opt_keys; i++) {
        const char *v = get(ctx, cm_json_opt_keys[i].key);
        bool t = v && strcasecmp(v, "true") == 0, f = v && strcasecmp(v, "false") == 0;
        if (cm_json_opt_keys[i].set_by_true ? t : f)
            flags |= cm_json_opt_keys[i].flag;
    }
    return flags;
}

/* Jackson's StreamReadConstraints.maxNestingDepth (2.15) */
#define NORM_MAX_DEPTH 1000

typedef struct Norm {
    const char *p, *end;
    unsigned flags;
    char *o;
} Norm;

static void put(Norm *n, const char *s, size_t k)
{
    memcpy(n->o, s, k);
    n->o += k;
}

/* A character Jackson writes as \u00XX here: a raw control character. */
static void put_control(Norm *n, unsigned char c)
{
    static const char hex[] = "0123456789ABCDEF";
    char u[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
    put(n, u, 6);
}

/* Whitespace, and with allowComments the comments Jackson skips as whitespace
   (_skipComment: `/ *...* /` and `//` to the end of the line); false at a comment that is
   malformed ('/' not followed by '*' or '/', or one that never ends). */
static bool skip_ws(Norm *n)
{
    for (;;) {
        while (n->p < n->end && (*n->p == ' ' || *n->p == '\t' || *n->p == '\r' || *n->p == '\n'))
            n->p++;
        if (n->p >= n->end || *n->p != '/' || !(n->flags & CM_JSON_COMMENTS))
            return true;
        if (n->end - n->p < 2)
            return false;
        if (n->p[1] == '/') { /* _skipLine: to a '\n' or '\r' */
            while (n->p < n->end && *n->p != '\n' && *n->p != '\r')
                n->p++;
        } else if (n->p[1] == '*') {
            const char *q = n->p + 2;
            while (q + 1 < n->end && !(q[0] == '*' && q[1] == '/'))
                q++;
            if (q + 1 >= n->end)
                return false;
            n->p = q + 2;
        } else {
            return false;
        }
    }
}

/* What may follow a number or a word: a token end, or a comment's '/'. */
static bool token_end(const Norm *n)
{
    return cm_json_token_end(n->p, n->end) || ((n->flags & CM_JSON_COMMENTS) && *n->p == '/');
}

/* A string (or a quoted name) at its quote, written in double quotes. */
static bool string(Norm *n)
{
    char quote = *n->p++;
    if (quote == '\'' && (n->flags & CM_JSON_NO_SINGLE_QUOTES))
        return false;
    put(n, "\"", 1);
    while (n->p < n->end && *n->p != quote) {
        unsigned char c = (unsigned char)*n->p;
        if (c < 0x20) { /* _throwUnquotedSpace */
            if (!(n->flags & CM_JSON_CONTROL_CHARS))
                return false;
            put_control(n, c);
            n->p++;
        } else if (c == '"') { /* in single quotes */
            put(n, "\\\"", 2);
            n->p++;
        } else if (c != '\\') {
            put(n, n->p++, 1);
        } else if (n->end - n->p < 2) {
            return false;
        } else {
            /* _decodeEscaped, then _handleUnrecognizedCharacterEscape */
            unsigned char e = (unsigned char)n->p[1];
            const char *q = cm_json_escape(n->p, n->end);
            if (q && e != '\'') {
                put(n, n->p, (size_t)(q - n->p));
                n->p = q;
            } else if (e == 'u' && !q) {
                return false;
            } else if ((n->flags & CM_JSON_ANY_ESCAPE) ||
                       (e == '\'' && !(n->flags & CM_JSON_NO_SINGLE_QUOTES))) {
                if (e < 0x20)
                    put_control(n, e);
                else if (e == '"')
                    put(n, "\\\"", 2);
                else
                    put(n, n->p + 1, 1);
                n->p += 2;
            } else {
                return false;
            }
        }
    }
    if (n->p >= n->end)
        return false;
    n->p++;
    put(n, "\"", 1);
    return true;
}

/* Jackson's CharTypes.getInputCodeUtf8JsNames: the bytes of an unquoted name (ASCII:
   Character.isJavaIdentifierPart, from '!' on, and @ # * - +). */
static bool name_char(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '$' || c == '@' || c == '#' || c == '*' || c == '-' || c == '+' || c >= 0x7F;
}

/* A member's name: quoted (a string), or with allowUnquotedFieldNames a run of name
   characters (_handleOddName); then ':'. */
static bool name(Norm *n)
{
    if (n->p >= n->end)
        return false;
    if (*n->p == '"' || *n->p == '\'') {
        if (!string(n))
            return false;
    } else if ((n->flags & CM_JSON_UNQUOTED_NAMES) && name_char((unsigned char)*n->p)) {
        const char *s = n->p;
        while (n->p < n->end && name_char((unsigned char)*n->p))
            n->p++;
        put(n, "\"", 1);
        put(n, s, (size_t)(n->p - s));
        put(n, "\"", 1);
    } else {
        return false;
    }
    if (!skip_ws(n) || n->p >= n->end || *n->p != ':')
        return false;
    n->p++;
    put(n, ":", 1);
    return true;
}

/* A number: leading zeros dropped with allowNumericLeadingZeros (_verifyNLZ2: all but the
   last zero before a non-digit), else refused as Jackson refuses them. */
static bool number(Norm *n)
{
    bool neg = *n->p == '-';
    const char *d = n->p + neg;
    if (n->flags & CM_JSON_LEADING_ZEROS)
        while (n->end - d >= 2 && d[0] == '0' && cm_json_digit(d[1]))
            d++;
    CmJsonNum num;
    const char *q = d < n->end && cm_json_digit(*d) ? cm_json_number_scan(d, n->end, &num) : NULL;
    if (!q)
        return false;
    if (neg)
        put(n, "-", 1);
    put(n, d, (size_t)(q - d));
    n->p = q;
    return token_end(n);
}

static bool value(Norm *n, int depth);

/* The members of an object or the elements of an array, after its opening bracket. */
static bool container(Norm *n, char close, int depth)
{
    put(n, close == '}' ? "{" : "[", 1);
    n->p++;
    if (!skip_ws(n))
        return false;
    if (n->p < n->end && *n->p == close) {
        n->p++;
        put(n, &close, 1);
        return true;
    }
    for (;;) {
        if (close == '}' && !name(n))
            return false;
        if (!value(n, depth + 1) || !skip_ws(n) || n->p >= n->end)
            return false;
        if (*n->p == close) {
            n->p++;
            put(n, &close, 1);
            return true;
        }
        if (*n->p != ',')
            return false;
        n->p++;
        put(n, ",", 1);
        if (!skip_ws(n))
            return false;
    }
}

static bool word(Norm *n, const char *w)
{
    size_t k = strlen(w);
    if ((size_t)(n->end - n->p) < k || memcmp(n->p, w, k) != 0)
        return false;
    put(n, w, k);
    n->p += k;
    return token_end(n);
}

static bool value(Norm *n, int depth)
{
    if (!skip_ws(n) || n->p >= n->end || depth > NORM_MAX_DEPTH)
        return false;
    int sign;
    const char *q;
    switch (*n->p) {
    case '{':
        return container(n, '}', depth);
    case '[':
        return container(n, ']', depth);
    case '"':
    case '\'':
        return string(n);
    case 't':
        return word(n, "true");
    case 'f':
        return word(n, "false");
    case 'n':
        return word(n, "null");
    default:
        break;
    }
    if (cm_json_nonnum_start(n->p, n->end) && (q = cm_json_nonnum_scan(n->p, n->end, &sign))) {
        if (n->flags & CM_JSON_NO_NONNUM)
            return false;
        put(n, n->p, (size_t)(q - n->p));
        n->p = q;
        return token_end(n);
    }
    return number(n);
}

CmJsonNorm cm_json_norm(const char *p, const char *end, unsigned flags, char *out, size_t *out_n)
{
    if (end - p >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
        p += 3;
    Norm n = {p, end, flags, out};
    if (skip_ws(&n) && n.p >= n.end) {
        *out_n = 0;
        return CM_JSON_NORM_BLANK;
    }
    if (!value(&n, 0)) {
        memcpy(out, CM_JSON_BAD_TEXT, sizeof CM_JSON_BAD_TEXT - 1);
        *out_n = sizeof CM_JSON_BAD_TEXT - 1;
        return CM_JSON_NORM_BAD;
    }
    *out_n = (size_t)(n.o - out);
    return CM_JSON_NORM_OK;
}
