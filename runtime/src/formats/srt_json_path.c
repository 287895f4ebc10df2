/* srt_json_path.c - get_json_object(json, path), json_array_length(json) and
** json_object_keys(json) as Spark 3.5 computes them.
**
** Spark (jsonExpressions.scala: JsonPathParser, GetJsonObject.evaluatePath) parses the path
** with Scala parser combinators, reads the JSON with a Jackson parser (JsonFactory with
** ALLOW_UNESCAPED_CONTROL_CHARS and ALLOW_SINGLE_QUOTES) from a java.io.Reader, and writes
** what it finds with Jackson generators.  This file mirrors all three:
**   - the path: '$' then any of `.name`, `['name']`, `[n]`, `[*]`, `.*`, `['*']`, with the
**     parsers' whitespace skipping before string and regex tokens (not before single chars);
**     an unparsable path is NULL, an index beyond a Java long fails the query as its
**     NumberFormatException does;
**   - the JSON: only the first value is read (trailing text is never looked at, but for a
**     root number, which must be followed by whitespace); everything in that value is
**     checked as Jackson does (escapes, leading zeros, literals, depth <= 1000) and any
**     error makes the result NULL;
**   - the output: values are re-serialised (no spaces, numbers through long/double, so -0
**     is 0 and 1.50 is 1.5), strings at the end of the path are given raw (unquoted) except
**     under a wildcard, a single wildcard match loses its brackets, [*][*] flattens.
**     Jackson's UTF-8 generator writes characters beyond the BMP inside quoted strings as
**     two \uXXXX escapes, its Writer generator (the one a wildcard buffers into) as they are,
**     and an unpaired surrogate (from a \uD800 escape) is an error where text is written raw.
** Nothing is allocated but the output (scratch memory of the query).  Known difference: a
** root literal directly followed by a non-ASCII character is an error here even when Java
** does not count that character as part of an identifier (e.g. "true\u00A0").
*/
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/cm_utf8.h"
#include "srt_int.h"

#define JP_MAX_DEPTH 1000 /* Jackson 2.15 StreamReadConstraints.maxNestingDepth */

/* ==== The path ==== */

typedef enum { PI_KEY, PI_SUB_WILD, PI_SUB_INDEX, PI_WILD } PiKind;

typedef struct Pi {
    PiKind kind;
    const char *name; /* PI_KEY: Named(name) */
    uint32_t name_n;
    int64_t index; /* PI_SUB_INDEX */
} Pi;

/* RegexParsers.handleWhiteSpace: Java's \s. */
static uint32_t ws(const char *s, uint32_t n, uint32_t i)
{
    while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\x0B' ||
                     s[i] == '\f' || s[i] == '\r'))
        i++;
    return i;
}

static int at(const char *s, uint32_t n, uint32_t i, const char *lit)
{
    size_t k = strlen(lit);
    return i + k <= n && memcmp(s + i, lit, k) == 0;
}

/* JsonPathParser.parse: the instruction count, -1 when the path does not parse, -2 after
   failing the query (an index beyond a long). */
static int parse_path(SrtQuery *q, const char *s, uint32_t n, Pi *out)
{
    if (n == 0 || s[0] != '$') /* root: the char '$', no whitespace before it */
        return -1;
    uint32_t i = 1;
    int k = 0;
    for (;;) {
        uint32_t j = ws(s, n, i);
        /* wildcard: ".*" | "['*']" (string literals: whitespace skipped) */
        if (at(s, n, j, ".*") || at(s, n, j, "['*']")) {
            out[k++] = (Pi){.kind = PI_WILD};
            i = j + (s[j] == '.' ? 2 : 5);
            continue;
        }
        /* named: '.' ~> "[^\\.\\[]+".r | "['" ~> "[^\\'\\?]+".r <~ "']" */
        if (i < n && s[i] == '.') {
            uint32_t b = ws(s, n, i + 1), e = b;
            while (e < n && s[e] != '.' && s[e] != '[')
                e++;
            if (e > b) {
                out[k++] = (Pi){.kind = PI_KEY, .name = s + b, .name_n = e - b};
                i = e;
                continue;
            }
        }
        if (at(s, n, j, "['")) {
            uint32_t b = ws(s, n, j + 2), e = b;
            while (e < n && s[e] != '\'' && s[e] != '?')
                e++;
            uint32_t c = ws(s, n, e);
            if (e > b && at(s, n, c, "']")) {
                out[k++] = (Pi){.kind = PI_KEY, .name = s + b, .name_n = e - b};
                i = c + 2;
                continue;
            }
        }
        /* subscript: '[' ~> ('*' | "\\d+".r ^? toLong) <~ ']' (chars: no whitespace) */
        if (i < n && s[i] == '[') {
            uint32_t d = i + 1;
            if (d < n && s[d] == '*') {
                if (d + 1 < n && s[d + 1] == ']') {
                    out[k++] = (Pi){.kind = PI_SUB_WILD};
                    i = d + 2;
                    continue;
                }
            } else {
                uint32_t b = ws(s, n, d), e = b;
                while (e < n && s[e] >= '0' && s[e] <= '9')
                    e++;
                if (e > b) {
                    /* x.toLong runs as soon as the digits match */
                    int64_t v = 0;
                    for (uint32_t t = b; t < e; t++) {
                        if (__builtin_mul_overflow(v, 10, &v) ||
                            __builtin_add_overflow(v, s[t] - '0', &v)) {
                            char msg[160];
                            snprintf(msg, sizeof msg,
                                     "get_json_object: java.lang.NumberFormatException: For "
                                     "input string: \"%.*s\"",
                                     (int)(e - b > 64 ? 64 : e - b), s + b);
                            srt_query_fail(q, msg);
                            return -2;
                        }
                    }
                    if (e < n && s[e] == ']') {
                        out[k++] = (Pi){.kind = PI_SUB_INDEX, .index = v};
                        i = e + 1;
                        continue;
                    }
                }
            }
        }
        break;
    }
    return ws(s, n, i) == n ? k : -1; /* phrase(...): only whitespace may remain */
}

/* ==== Output (Jackson generators) ==== */

typedef struct JOut {
    SrtQuery *q;
    char *buf;
    uint32_t n, cap;
    int utf8; /* UTF8JsonGenerator (1), or a generator on a java.io.Writer (0) */
} JOut;

/* Where values go: the root (separated by a space) or an array (by commas). */
typedef struct JCtx {
    int in_array;
    uint32_t count;
} JCtx;

static void out_put(JOut *o, const char *s, uint32_t n)
{
    if (o->n + (uint64_t)n > o->cap) {
        uint64_t cap = o->cap ? o->cap : 64;
        while (cap < o->n + (uint64_t)n)
            cap *= 2;
        char *b = srt_scratch_alloc(o->q, cap);
        if (o->n)
            memcpy(b, o->buf, o->n);
        o->buf = b;
        o->cap = (uint32_t)(cap > UINT32_MAX ? UINT32_MAX : cap);
    }
    if (n)
        memcpy(o->buf + o->n, s, n);
    o->n += n;
}

static void out_c(JOut *o, char c)
{
    out_put(o, &c, 1);
}

static void begin_value(JOut *o, JCtx *c)
{
    if (c->count++)
        out_c(o, c->in_array ? ',' : ' ');
}

static void out_cp(JOut *o, uint32_t cp)
{
    char b[4];
    out_put(o, b, cm_utf8_put(cp, b));
}

static void out_u_escape(JOut *o, uint32_t unit)
{
    static const char hex[] = "0123456789ABCDEF";
    char b[6] = {'\\', 'u', hex[(unit >> 12) & 15], hex[(unit >> 8) & 15], hex[(unit >> 4) & 15],
                 hex[unit & 15]};
    out_put(o, b, 6);
}

/* ==== Input (Jackson's ReaderBasedJsonParser) ==== */

typedef struct JP {
    SrtQuery *q;
    const char *s;
    uint32_t n, i;
    int depth;
    int err;
} JP;

/* Skip whitespace (space, tab, CR, LF; other control characters are errors): the next
   byte, or -1 at the end. */
static int jp_ws(JP *p)
{
    while (p->i < p->n) {
        unsigned char c = (unsigned char)p->s[p->i];
        if (c > ' ')
            return c;
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
            p->err = 1;
            return -1;
        }
        p->i++;
    }
    return -1;
}

static int hexval(char c)
{
    return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10
                                          : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

/* A string being read, as UTF-16 code units (Java chars). */
typedef struct JStr {
    JP *p;
    char quote;
    uint32_t pend; /* the low surrogate of a code point beyond the BMP, or 0 */
} JStr;

static void js_open(JStr *t, JP *p)
{
    t->p = p;
    t->quote = p->s[p->i++];
    t->pend = 0;
}

/* The next unit: 1, or 0 after the closing quote, or -1 on an error (p->err set). */
static int js_next(JStr *t, uint32_t *unit)
{
    JP *p = t->p;
    if (t->pend) {
        *unit = t->pend;
        t->pend = 0;
        return 1;
    }
    if (p->i >= p->n) {
        p->err = 1;
        return -1;
    }
    unsigned char c = (unsigned char)p->s[p->i];
    if (c == (unsigned char)t->quote) {
        p->i++;
        return 0;
    }
    if (c == '\\') {
        if (p->i + 1 >= p->n) {
            p->err = 1;
            return -1;
        }
        char e = p->s[p->i + 1];
        p->i += 2;
        switch (e) {
        case '"': case '\\': case '/': case '\'': *unit = (unsigned char)e; return 1;
        case 'b': *unit = '\b'; return 1;
        case 'f': *unit = '\f'; return 1;
        case 'n': *unit = '\n'; return 1;
        case 'r': *unit = '\r'; return 1;
        case 't': *unit = '\t'; return 1;
        case 'u': {
            uint32_t v = 0;
            for (int k = 0; k < 4; k++) {
                int h = p->i < p->n ? hexval(p->s[p->i]) : -1;
                if (h < 0) {
                    p->err = 1;
                    return -1;
                }
                v = v * 16 + (uint32_t)h;
                p->i++;
            }
            *unit = v;
            return 1;
        }
        default: /* not escapable (\' is, with ALLOW_SINGLE_QUOTES) */
            p->err = 1;
            return -1;
        }
    }
    if (c < 0x80) { /* control characters too (ALLOW_UNESCAPED_CONTROL_CHARS) */
        p->i++;
        *unit = c;
        return 1;
    }
    uint32_t cp = srt_utf8_decode(p->s, p->n, &p->i);
    if (cp > 0xFFFF) {
        cp -= 0x10000;
        *unit = 0xD800 + (cp >> 10);
        t->pend = 0xDC00 + (cp & 0x3FF);
        return 1;
    }
    *unit = cp;
    return 1;
}

static int is_high(uint32_t u) { return u >= 0xD800 && u <= 0xDBFF; }
static int is_low(uint32_t u) { return u >= 0xDC00 && u <= 0xDFFF; }

/* Write the string at p->i (at its quote) to o: raw (JsonGenerator.writeRaw) or quoted
   and escaped (writeString, writeFieldName); see the file comment for surrogates. */
static void put_string(JP *p, JOut *o, int quoted)
{
    JStr t;
    uint32_t u, held = 0;
    int r;
    js_open(&t, p);
    if (quoted)
        out_c(o, '"');
    while ((r = js_next(&t, &u)) > 0) {
        if (held) { /* a high surrogate waiting for its low half */
            if (!is_low(u)) {
                p->err = 1;
                return;
            }
            out_cp(o, 0x10000 + ((held - 0xD800) << 10) + (u - 0xDC00));
            held = 0;
            continue;
        }
        if (quoted && (u < 0x20 || u == '"' || u == '\\')) {
            /* CharTypes.sOutputEscapes128: \" \\ \b \t \n \f \r, other controls \u00XX */
            static const char short_esc[] = "btn\0fr"; /* 0x08 .. 0x0D (0x0B has none) */
            if (u == '"' || u == '\\') {
                char b[2] = {'\\', (char)u};
                out_put(o, b, 2);
            } else if (u >= 8 && u <= 13 && short_esc[u - 8]) {
                char b[2] = {'\\', short_esc[u - 8]};
                out_put(o, b, 2);
            } else {
                out_u_escape(o, u);
            }
        } else if (u >= 0xD800 && u <= 0xDFFF) {
            if (quoted && o->utf8)
                out_u_escape(o, u); /* UTF8JsonGenerator._outputMultiByteChar */
            else if (is_high(u))
                held = u;
            else {
                p->err = 1; /* "Incomplete surrogate pair" */
                return;
            }
        } else {
            out_cp(o, u);
        }
    }
    if (r < 0 || held) {
        p->err = 1; /* "Split surrogate on writeRaw() input (last character)" */
        return;
    }
    if (quoted)
        out_c(o, '"');
}

/* Is the field name at p->i (its quote) equal to name?  Consumes the name. */
static int name_equals(JP *p, const char *name, uint32_t name_n)
{
    JStr t;
    uint32_t u, i = 0, pend = 0;
    int r, eq = 1;
    js_open(&t, p);
    while ((r = js_next(&t, &u)) > 0) {
        uint32_t want;
        if (pend) {
            want = pend;
            pend = 0;
        } else if (i < name_n) {
            uint32_t cp = srt_utf8_decode(name, name_n, &i);
            if (cp > 0xFFFF) {
                want = 0xD800 + ((cp - 0x10000) >> 10);
                pend = 0xDC00 + ((cp - 0x10000) & 0x3FF);
            } else {
                want = cp;
            }
        } else {
            eq = 0;
            continue;
        }
        eq = eq && want == u;
    }
    return r == 0 && eq && i == name_n && !pend;
}

/* A number at p->i: validated as Jackson does; *is_float tells VALUE_NUMBER_FLOAT. */
static uint32_t scan_number(JP *p, int *is_float)
{
    const char *s = p->s;
    uint32_t b = p->i, i = b, n = p->n;
    *is_float = 0;
    if (s[i] == '-')
        i++;
    if (i >= n || s[i] < '0' || s[i] > '9')
        goto bad;
    if (s[i] == '0' && i + 1 < n && s[i + 1] >= '0' && s[i + 1] <= '9')
        goto bad; /* "Leading zeroes not allowed" */
    while (i < n && s[i] >= '0' && s[i] <= '9')
        i++;
    if (i < n && s[i] == '.') {
        *is_float = 1;
        if (++i >= n || s[i] < '0' || s[i] > '9')
            goto bad; /* "Decimal point not followed by a digit" */
        while (i < n && s[i] >= '0' && s[i] <= '9')
            i++;
    }
    if (i < n && (s[i] == 'e' || s[i] == 'E')) {
        *is_float = 1;
        if (++i < n && (s[i] == '+' || s[i] == '-'))
            i++;
        if (i >= n || s[i] < '0' || s[i] > '9')
            goto bad; /* "Exponent indicator not followed by a digit" */
        while (i < n && s[i] >= '0' && s[i] <= '9')
            i++;
    }
    /* _verifyRootSpace: a root-level number ends at whitespace or the end */
    if (p->depth == 0 && i < n && s[i] != ' ' && s[i] != '\t' && s[i] != '\n' && s[i] != '\r')
        goto bad;
    p->i = i;
    return i - b;
bad:
    p->err = 1;
    return 0;
}

/* true, false or null at p->i: 1 and the literal, or 0 on an error. */
static int scan_literal(JP *p, const char **lit)
{
    static const char *const lits[3] = {"true", "false", "null"};
    for (int k = 0; k < 3; k++) {
        size_t len = strlen(lits[k]);
        if (p->s[p->i] != lits[k][0])
            continue;
        if (p->i + len > p->n || memcmp(p->s + p->i, lits[k], len) != 0)
            break;
        /* _matchToken: a following char >= '0' (but ']' and '}') that Java counts as part
           of an identifier makes it an unrecognized token */
        if (p->i + len < p->n) {
            unsigned char c = (unsigned char)p->s[p->i + len];
            if (c >= '0' && c != ']' && c != '}' &&
                ((c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_' ||
                 c >= 0x7F))
                break;
        }
        p->i += (uint32_t)len;
        *lit = lits[k];
        return 1;
    }
    p->err = 1;
    return 0;
}

/* Containers.  *_open consumes the bracket; *_next moves to the next member (for objects,
   p->i at the name's quote) and returns 1, or 0 after the closing bracket. */
static int jp_open(JP *p)
{
    p->i++;
    if (++p->depth > JP_MAX_DEPTH) {
        p->err = 1;
        return 0;
    }
    return 1;
}

static int jp_next(JP *p, char close, uint32_t *count)
{
    int c = jp_ws(p);
    if (c < 0) {
        p->err = 1;
        return 0;
    }
    if (c == close) {
        p->i++;
        p->depth--;
        return 0;
    }
    if ((*count)++) {
        if (c != ',') {
            p->err = 1;
            return 0;
        }
        p->i++;
        c = jp_ws(p);
        if (c < 0 || c == close) { /* no trailing commas */
            p->err = 1;
            return 0;
        }
    }
    if (close == '}') {
        if (c != '"' && c != '\'') { /* names are quoted (single quotes allowed) */
            p->err = 1;
            return 0;
        }
    }
    return 1;
}

/* After a field name: skip to its value. */
static int jp_colon(JP *p)
{
    if (jp_ws(p) != ':') {
        p->err = 1;
        return 0;
    }
    p->i++;
    if (jp_ws(p) < 0) {
        p->err = 1;
        return 0;
    }
    return 1;
}

static void skip_string(JP *p)
{
    JStr t;
    uint32_t u;
    js_open(&t, p);
    while (js_next(&t, &u) > 0)
        ;
}

/* Read one value at p->i (after whitespace), writing it to o when o is not NULL
   (JsonGenerator.copyCurrentStructure). */
static void value(JP *p, JOut *o)
{
    int c = (unsigned char)p->s[p->i];
    if (c == '{' || c == '[') {
        char close = c == '{' ? '}' : ']';
        uint32_t count = 0;
        if (o)
            out_c(o, (char)c);
        if (!jp_open(p))
            return;
        while (!p->err && jp_next(p, close, &count)) {
            if (o && count > 1)
                out_c(o, ',');
            if (close == '}') {
                if (o)
                    put_string(p, o, 1);
                else
                    skip_string(p);
                if (p->err || !jp_colon(p))
                    return;
                if (o)
                    out_c(o, ':');
            }
            value(p, o);
        }
        if (o && !p->err)
            out_c(o, close);
        return;
    }
    if (c == '"' || c == '\'') {
        if (o)
            put_string(p, o, 1);
        else
            skip_string(p);
        return;
    }
    if (c == '-' || (c >= '0' && c <= '9')) {
        int is_float;
        uint32_t b = p->i, len = scan_number(p, &is_float);
        if (p->err || !o)
            return;
        if (!is_float) { /* writeNumber(int/long/BigInteger): the digits; -0 is 0 */
            if (len == 2 && p->s[b] == '-' && p->s[b + 1] == '0')
                out_c(o, '0');
            else
                out_put(o, p->s + b, len);
            return;
        }
        /* writeNumber(getDoubleValue()): Double.toString; not finite is quoted */
        char small[64], *txt = len < sizeof small ? small : srt_scratch_alloc(p->q, len + 1);
        memcpy(txt, p->s + b, len);
        txt[len] = '\0';
        double d = strtod(txt, NULL);
        if (isinf(d)) {
            const char *t = d > 0 ? "\"Infinity\"" : "\"-Infinity\"";
            out_put(o, t, (uint32_t)strlen(t));
        } else {
            char buf[32];
            out_put(o, buf, srt_fmt_double(d, buf));
        }
        return;
    }
    const char *lit;
    if (scan_literal(p, &lit) && o)
        out_put(o, lit, (uint32_t)strlen(lit));
}

/* ==== GetJsonObject.evaluatePath ==== */

typedef enum { ST_RAW, ST_QUOTED, ST_FLATTEN } Style;

static int eval(JP *p, JOut *g, JCtx *gc, Style style, const Pi *path, int np);

/* The elements of the array at p->i (its '['), each evaluated with path. */
static int each_element(JP *p, JOut *g, JCtx *gc, Style style, const Pi *path, int np,
                        int count_matches)
{
    int dirty = 0;
    uint32_t count = 0;
    if (!jp_open(p))
        return 0;
    while (!p->err && jp_next(p, ']', &count)) {
        int m = eval(p, g, gc, style, path, np);
        dirty = count_matches ? dirty + m : (dirty | m);
    }
    return dirty;
}

/* writeStartArray, the elements of the array at p->i evaluated with path, writeEndArray. */
static int array_of(JP *p, JOut *g, JCtx *gc, Style style, const Pi *path, int np)
{
    JCtx arr = {1, 0};
    begin_value(g, gc);
    out_c(g, '[');
    int dirty = each_element(p, g, &arr, style, path, np, 0);
    out_c(g, ']');
    return dirty;
}

static int eval(JP *p, JOut *g, JCtx *gc, Style style, const Pi *path, int np)
{
    int c = (unsigned char)p->s[p->i];
    if (np == 0) {
        if ((c == '"' || c == '\'') && style == ST_RAW) { /* emit the string without quotes */
            put_string(p, g, 0);
            return 1;
        }
        if (c == '[' && style == ST_FLATTEN) /* flatten this array into the parent */
            return each_element(p, g, gc, style, NULL, 0, 0);
        begin_value(g, gc); /* copy the child tree verbatim */
        value(p, g);
        return 1;
    }
    switch (path[0].kind) {
    case PI_KEY:
        if (c == '{') {
            int dirty = 0;
            uint32_t count = 0;
            if (!jp_open(p))
                return 0;
            while (!p->err && jp_next(p, '}', &count)) {
                int match = 0;
                if (dirty) /* once a match has been found the other fields are skipped */
                    skip_string(p);
                else
                    match = name_equals(p, path[0].name, path[0].name_n);
                if (p->err || !jp_colon(p))
                    return 0;
                if (match && !(p->s[p->i] == 'n' && p->i + 4 <= p->n &&
                               memcmp(p->s + p->i, "null", 4) == 0))
                    dirty = eval(p, g, gc, style, path + 1, np - 1);
                else
                    value(p, NULL); /* a JSON null matches nothing; others skipped */
            }
            return dirty;
        }
        break;
    case PI_SUB_WILD:
        if (c != '[')
            break;
        if (np >= 2 && path[1].kind == PI_SUB_WILD) /* Hive's non-structure-preserving [*][*] */
            return array_of(p, g, gc, ST_FLATTEN, path + 2, np - 2);
        if (style != ST_QUOTED) {
            /* buffer the matches (a Writer generator); one match loses the brackets */
            JOut w = {p->q, NULL, 0, 0, 0};
            JCtx arr = {1, 0};
            out_c(&w, '[');
            int dirty = each_element(p, &w, &arr, style == ST_RAW ? ST_QUOTED : ST_FLATTEN,
                                     path + 1, np - 1, 1);
            out_c(&w, ']');
            if (dirty > 1) {
                begin_value(g, gc);
                out_put(g, w.buf, w.n);
            } else if (dirty == 1) {
                begin_value(g, gc);
                out_put(g, w.buf + 1, w.n - 2);
            }
            return dirty > 0;
        }
        return array_of(p, g, gc, ST_QUOTED, path + 1, np - 1);
    case PI_SUB_INDEX:
        if (c == '[') {
            /* [n][*]: one or more results, so quoted */
            Style st = np >= 2 && path[1].kind == PI_SUB_WILD ? ST_QUOTED : style;
            int dirty = 0;
            uint32_t count = 0;
            if (!jp_open(p))
                return 0;
            while (!p->err && jp_next(p, ']', &count)) {
                if ((int64_t)count - 1 == path[0].index)
                    dirty = eval(p, g, gc, st, path + 1, np - 1);
                else
                    value(p, NULL);
            }
            return dirty;
        }
        break;
    case PI_WILD: /* `.*` and `['*']` parse but match nothing (no Key before them) */
        break;
    }
    value(p, NULL);
    return 0;
}

int srt_get_json_object(SrtQuery *q, const char *json, uint32_t n, const char *path,
                        uint32_t path_n, const char **out, uint32_t *out_n)
{
    *out = "";
    *out_n = 0;
    /* every instruction takes at least two characters of the path */
    Pi small[16], *pis = path_n / 2 + 1 <= 16 ? small : srt_scratch_alloc(q, (path_n / 2 + 1) * sizeof *pis);
    int np = parse_path(q, path, path_n, pis);
    if (np < 0)
        return -1;
    JP p = {q, json, n, 0, 0, 0};
    if (jp_ws(&p) < 0) /* no value: nothing to copy */
        return -1;
    JOut g = {q, NULL, 0, 0, 1};
    JCtx root = {0, 0};
    int matched = eval(&p, &g, &root, ST_RAW, pis, np);
    if (p.err || !matched)
        return -1;
    *out = g.n ? g.buf : "";
    *out_n = g.n;
    return 0;
}

/* ==== json_tuple ==== */

/* json_tuple(json, k1, ..., kn) as Spark's JsonTuple.parseRow reads it: only a JSON object
   is looked at; each of its top-level fields named like a key (Java String equality, a NULL
   key matching nothing) gives that key its value, written as JsonTuple.copyCurrentStructure
   does (a string raw, anything else re-serialised, a JSON null left out so that an earlier
   value stays); a later field of the same name overwrites an earlier one (its loop never
   stops at a match).  The text after the object's closing brace is never read.  A JSON
   error before it (Jackson's JsonProcessingException, which Spark catches) makes every
   value NULL, as does a value that is not an object.  out[i] is NULL for a NULL value. */
void srt_json_tuple(SrtQuery *q, const char *json, uint32_t n, const char *const *keys,
                    const uint32_t *key_n, int32_t nk, const char **out, uint32_t *out_n)
{
    for (int32_t k = 0; k < nk; k++) {
        out[k] = NULL;
        out_n[k] = 0;
    }
    JP p = {q, json, n, 0, 0, 0};
    if (jp_ws(&p) != '{' || !jp_open(&p))
        return;
    uint8_t small[64], *hit = nk <= 64 ? small : srt_scratch_alloc(q, (size_t)nk);
    uint32_t count = 0;
    while (!p.err && jp_next(&p, '}', &count)) {
        uint32_t name_at = p.i, name_end = p.i;
        int any = 0;
        for (int32_t k = 0; k < nk; k++) { /* the name compared with each key, from its quote */
            p.i = name_at;
            hit[k] = key_n[k] != UINT32_MAX && name_equals(&p, keys[k], key_n[k]);
            any |= hit[k];
            name_end = p.i;
            if (p.err)
                break;
        }
        if (nk == 0)
            skip_string(&p);
        else
            p.i = name_end;
        if (p.err || !jp_colon(&p))
            break;
        const char *lit;
        if (!any) {
            value(&p, NULL);
        } else if (p.s[p.i] == 'n') { /* VALUE_NULL: the field is ignored */
            scan_literal(&p, &lit);
        } else {
            JOut o = {q, NULL, 0, 0, 1}; /* jsonFactory.createGenerator(output, UTF8) */
            if (p.s[p.i] == '"' || p.s[p.i] == '\'')
                put_string(&p, &o, 0); /* writeRaw: without quotes */
            else
                value(&p, &o);
            for (int32_t k = 0; k < nk && !p.err; k++)
                if (hit[k]) {
                    out[k] = o.n ? o.buf : "";
                    out_n[k] = o.n;
                }
        }
    }
    if (p.err)
        for (int32_t k = 0; k < nk; k++)
            out[k] = NULL;
}

/* ==== json_array_length, json_object_keys (LengthOfJsonArray, JsonObjectKeys) ====
   Both read the text with the same Jackson parser as get_json_object and stop at the end
   of the outermost array or object: what follows it is never looked at, while anything
   malformed before it (or the text ending inside it) makes the result NULL. */

int32_t srt_json_array_length(SrtQuery *q, const char *json, uint32_t n)
{
    JP p = {q, json, n, 0, 0, 0};
    if (jp_ws(&p) != '[') /* no first token (NULL), or not START_ARRAY */
        return -1;
    uint32_t count = 0;
    if (!jp_open(&p))
        return -1;
    while (!p.err && jp_next(&p, ']', &count))
        value(&p, NULL); /* nextToken + skipChildren */
    return p.err ? -1 : (int32_t)count;
}

/* The field name at p->i (its quote) as UTF8String.fromString has it: UTF-8, an unpaired
   surrogate (from a \uD800 escape) as '?'. */
static void put_key(JP *p, JOut *o)
{
    JStr t;
    uint32_t u, held = 0;
    js_open(&t, p);
    while (js_next(&t, &u) > 0) {
        if (held && is_low(u)) {
            out_cp(o, 0x10000 + ((held - 0xD800) << 10) + (u - 0xDC00));
            held = 0;
            continue;
        }
        if (held)
            out_c(o, '?');
        held = is_high(u) ? u : 0;
        if (!held)
            out_cp(o, is_low(u) ? '?' : u);
    }
    if (held)
        out_c(o, '?');
}

int srt_json_object_keys(SrtQuery *q, const char *json, uint32_t n, const void **out,
                         uint32_t *out_n)
{
    *out = NULL;
    *out_n = 0;
    JP p = {q, json, n, 0, 0, 0};
    if (jp_ws(&p) != '{') /* no first token, or not START_OBJECT: NULL */
        return -1;
    JOut names = {q, NULL, 0, 0, 1};
    uint32_t count = 0, *ends = NULL, cap = 0;
    if (!jp_open(&p))
        return -1;
    /* nextValue() and currentName() for each field, its value skipped (skipChildren) */
    while (!p.err && jp_next(&p, '}', &count)) {
        put_key(&p, &names);
        if (p.err || !jp_colon(&p))
            return -1;
        value(&p, NULL);
        if (count > cap) {
            uint32_t *e = srt_scratch_alloc(q, sizeof *e * (cap = cap ? 2 * cap : 8));
            if (count > 1)
                memcpy(e, ends, sizeof *e * (count - 1));
            ends = e;
        }
        ends[count - 1] = names.n;
    }
    if (p.err)
        return -1;
    SrtDatum *d = srt_scratch_alloc(q, sizeof *d * (count ? count : 1));
    memset(d, 0, sizeof *d * (count ? count : 1));
    for (uint32_t k = 0, from = 0; k < count; from = ends[k++]) {
        d[k].p = names.buf + from;
        d[k].n = ends[k] - from;
    }
    *out = d;
    *out_n = count;
    return 0;
}
