/* srt_regex.c - regular expressions for regexp_extract and split (out of line: cold and slow).
**
** Spark uses java.util.regex; sluice translates the Java pattern to a POSIX extended
** regular expression (glibc regcomp/regexec, run under the C.UTF-8 locale when the
** system has it, so '.' and classes see code points).  The translation keeps what
** both dialects mean the same way and refuses the rest with a reason:
**   \d \D \s \S \w \W (also inside [...]), \t \n \r \f, \Q...\E, escaped punctuation,
**   (?:...) (group numbers are remapped to Java's), a leading (?i);
**   refused: lazy and possessive quantifiers, lookaround, backreferences, other
**   (?...) constructs, nested classes and && in [...], \p{..} and other escapes.
** Java's '.' does not match line terminators: it becomes [^\n\r].  Left to the two
** engines: POSIX alternation is leftmost-longest where Java's is leftmost-first.
**
** Compiled patterns are cached per query (SrtQuery.regex): patterns that codegen knows
** to be constant are "pinned" and live as long as the query; other patterns share a
** small ring, so a pattern that changes on every row does not grow memory.  The cache
** and patterns are allocated through the query's SrtMem; regcomp's own tables come from
** libc's malloc (regfree releases them with the pattern).
*/
#define _GNU_SOURCE
#include <locale.h>
#include <regex.h>
#include <stdio.h>
#include <string.h>

#include "srt_int.h"

#define RING 8

struct SrtRegex {
    char *pat; /* the Java pattern as given (owned) */
    uint32_t pat_n;
    int literal; /* plain text: searched with memmem, never compiled */
    char *lit;   /* the text of a literal pattern (escapes resolved; owned) */
    uint32_t lit_n;
    int compiled; /* re is valid */
    regex_t re;
    int n_java;   /* capturing groups as Java counts them */
    int *map;     /* map[g]: the POSIX group of Java group g (owned, n_java + 1) */
    size_t alloc; /* bytes of pat + lit + map, for freeing */
};

typedef struct SrtRegexCache {
    locale_t loc; /* C.UTF-8, or (locale_t)0 when the system lacks it */
    SrtRegex **pinned;
    size_t n_pinned, cap_pinned;
    SrtRegex *ring[RING];
    int ring_next;
} SrtRegexCache;

/* ======================================================================
** Java -> POSIX ERE
** ====================================================================== */

static int is_alnum(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int is_ere_special(char c)
{
    return c != '\0' && strchr(".[]()*+?{}|^$\\", c) != NULL;
}

static int tr_err(char *err, size_t err_n, const char *msg, uint32_t at)
{
    snprintf(err, err_n, "%s near index %u", msg, at);
    return -1;
}

/* A class escape (\d \s \w) as the inside of a bracket expression, or NULL. */
static const char *class_body(char c)
{
    switch (c) {
    case 'd':
    case 'D':
        return "0-9";
    case 's':
    case 'S':
        return "[:space:]";
    case 'w':
    case 'W':
        return "[:alnum:]_";
    default:
        return NULL;
    }
}

/* The character of a control escape (\t \n \r \f \e \a), or 0. */
static char control_escape(char c)
{
    switch (c) {
    case 't':
        return '\t';
    case 'n':
        return '\n';
    case 'r':
        return '\r';
    case 'f':
        return '\f';
    case 'e':
        return 27;
    case 'a':
        return 7;
    default:
        return 0;
    }
}

/* Emit one literal character outside brackets. */
static void put_lit(char *o, size_t *k, char c)
{
    if (is_ere_special(c))
        o[(*k)++] = '\\';
    o[(*k)++] = c;
}

/* [...] starting at p[*i] == '['; appends a POSIX bracket expression. */
static int tr_class(const char *p, uint32_t n, uint32_t *i, char *o, size_t *k, char *err,
                    size_t err_n)
{
    uint32_t at = *i;
    (*i)++;
    int neg = 0, has_rb = 0, has_dash = 0, has_caret = 0;
    char body[4096];
    size_t b = 0;
    if (*i < n && p[*i] == '^') {
        neg = 1;
        (*i)++;
    }
    int first = 1;
    for (;;) {
        if (*i >= n)
            return tr_err(err, err_n, "Unclosed character class", at);
        if (b + 16 >= sizeof body)
            return tr_err(err, err_n, "character class too long", at);
        char c = p[*i];
        if (c == ']' && !first) {
            (*i)++;
            break;
        }
        first = 0;
        if (c == '[')
            return tr_err(err, err_n, "nested character classes are not supported", *i);
        if (c == '&' && *i + 1 < n && p[*i + 1] == '&')
            return tr_err(err, err_n, "class intersection (&&) is not supported", *i);
        char lit;
        if (c == '\\') {
            if (*i + 1 >= n)
                return tr_err(err, err_n, "Unexpected internal error", *i);
            char e = p[*i + 1];
            const char *cls = class_body(e);
            if (cls) {
                if (e >= 'A' && e <= 'Z')
                    return tr_err(err, err_n,
                                  "negated class escapes inside [...] are not supported", *i);
                size_t cl = strlen(cls);
                memcpy(body + b, cls, cl);
                b += cl;
                *i += 2;
                continue;
            }
            if (control_escape(e))
                lit = control_escape(e);
            else if (!is_alnum(e))
                lit = e;
            else
                return tr_err(err, err_n, "unsupported escape in a character class", *i);
            *i += 2;
        } else {
            lit = c;
            (*i)++;
        }
        /* A range lit-x (x not ']'). */
        if (*i + 1 < n && p[*i] == '-' && p[*i + 1] != ']') {
            char hi = p[*i + 1];
            uint32_t adv = 2;
            if (hi == '\\') {
                if (*i + 2 >= n)
                    return tr_err(err, err_n, "Unexpected internal error", *i);
                char e = p[*i + 2];
                if (control_escape(e))
                    hi = control_escape(e);
                else if (!is_alnum(e))
                    hi = e;
                else
                    return tr_err(err, err_n, "unsupported escape in a character class", *i);
                adv = 3;
            }
            if ((unsigned char)hi < (unsigned char)lit)
                return tr_err(err, err_n, "Illegal character range", *i);
            body[b++] = lit;
            body[b++] = '-';
            body[b++] = hi;
            *i += adv;
            continue;
        }
        if (lit == ']')
            has_rb = 1;
        else if (lit == '-')
            has_dash = 1;
        else if (lit == '^')
            has_caret = 1;
        else
            body[b++] = lit;
    }
    if (!neg && !has_rb && b == 0 && has_caret) { /* [\^] or [\^-] */
        if (has_dash) {
            memcpy(o + *k, "[-^]", 4);
            *k += 4;
        } else {
            memcpy(o + *k, "\\^", 2);
            *k += 2;
        }
        return 0;
    }
    if (!neg && !has_rb && b == 0 && !has_caret && !has_dash)
        return tr_err(err, err_n, "empty character class", at);
    o[(*k)++] = '[';
    if (neg)
        o[(*k)++] = '^';
    if (has_rb)
        o[(*k)++] = ']';
    memcpy(o + *k, body, b);
    *k += b;
    if (has_caret)
        o[(*k)++] = '^';
    if (has_dash)
        o[(*k)++] = '-';
    o[(*k)++] = ']';
    return 0;
}

int srt_regex_translate(const char *p, uint32_t n, char *o, int *map, int *n_java, int *icase,
                        char *err, size_t err_n)
{
    size_t k = 0;
    int posix = 0, java = 0, depth = 0;
    int stack[256]; /* 1: capturing group, 0: non-capturing */
    int can_quantify = 0;
    uint32_t i = 0;
    *icase = 0;
    map[0] = 0;
    if (n >= 4 && memcmp(p, "(?i)", 4) == 0) {
        *icase = 1;
        i = 4;
    }
    while (i < n) {
        char c = p[i];
        switch (c) {
        case '\\': {
            if (i + 1 >= n)
                return tr_err(err, err_n, "Unexpected internal error", i);
            char e = p[i + 1];
            const char *cls = class_body(e);
            if (cls) {
                k += (size_t)sprintf(o + k, "[%s%s]", e >= 'A' && e <= 'Z' ? "^" : "", cls);
            } else if (e == 'Q') {
                i += 2;
                while (i < n && !(p[i] == '\\' && i + 1 < n && p[i + 1] == 'E'))
                    put_lit(o, &k, p[i++]);
                i += i < n ? 2 : 0;
                can_quantify = 1;
                continue;
            } else if (e == 'b' || e == 'B') {
                o[k++] = '\\';
                o[k++] = e;
                i += 2;
                can_quantify = 0;
                continue;
            } else if (control_escape(e)) {
                o[k++] = control_escape(e);
            } else if (e >= '1' && e <= '9') {
                return tr_err(err, err_n, "backreferences are not supported", i);
            } else if (is_alnum(e)) {
                return tr_err(err, err_n, "unsupported escape sequence", i);
            } else {
                put_lit(o, &k, e);
            }
            i += 2;
            can_quantify = 1;
            continue;
        }
        case '[':
            if (tr_class(p, n, &i, o, &k, err, err_n) < 0)
                return -1;
            can_quantify = 1;
            continue;
        case '(':
            if (depth >= (int)(sizeof stack / sizeof stack[0]))
                return tr_err(err, err_n, "groups nested too deeply", i);
            if (i + 1 < n && p[i + 1] == '?') {
                if (i + 2 < n && p[i + 2] == ':') {
                    stack[depth++] = 0;
                    o[k++] = '(';
                    posix++;
                    i += 3;
                    can_quantify = 0;
                    continue;
                }
                if (i + 2 < n && (p[i + 2] == '=' || p[i + 2] == '!' || p[i + 2] == '<'))
                    return tr_err(err, err_n, "lookaround and named groups are not supported", i);
                return tr_err(err, err_n, "inline flags and special groups are not supported", i);
            }
            stack[depth++] = 1;
            o[k++] = '(';
            posix++;
            java++;
            map[java] = posix;
            i++;
            can_quantify = 0;
            continue;
        case ')':
            if (depth == 0)
                return tr_err(err, err_n, "Unmatched closing ')'", i);
            depth--;
            o[k++] = ')';
            i++;
            can_quantify = 1;
            continue;
        case '*':
        case '+':
        case '?':
        case '{': {
            uint32_t at = i;
            if (!can_quantify)
                return tr_err(err, err_n, "Dangling meta character", i);
            if (c == '{') {
                uint32_t j = i + 1, d1 = 0, d2 = 0;
                while (j < n && p[j] >= '0' && p[j] <= '9')
                    j++, d1++;
                if (j < n && p[j] == ',') {
                    j++;
                    while (j < n && p[j] >= '0' && p[j] <= '9')
                        j++, d2++;
                }
                if (d1 == 0 || j >= n || p[j] != '}')
                    return tr_err(err, err_n, "Illegal repetition", i);
                memcpy(o + k, p + i, j + 1 - i);
                k += j + 1 - i;
                i = j + 1;
            } else {
                o[k++] = c;
                i++;
            }
            if (i < n && (p[i] == '?' || p[i] == '+'))
                return tr_err(err, err_n, "lazy and possessive quantifiers are not supported", at);
            can_quantify = 0;
            continue;
        }
        case '.':
            memcpy(o + k, "[^\n\r]", 5);
            k += 5;
            i++;
            can_quantify = 1;
            continue;
        case '|':
        case '^':
        case '$':
            o[k++] = c;
            i++;
            can_quantify = 0;
            continue;
        case '}':
        case ']':
            put_lit(o, &k, c);
            i++;
            can_quantify = 1;
            continue;
        default:
            o[k++] = c;
            i++;
            can_quantify = 1;
            continue;
        }
    }
    if (depth)
        return tr_err(err, err_n, "Unclosed group", n);
    o[k] = '\0';
    *n_java = java;
    return 0;
}

/* Plain text (no metacharacter but escaped punctuation): its text in lit.  1 or 0. */
static int literal_text(const char *p, uint32_t n, char *lit, uint32_t *lit_n)
{
    uint32_t k = 0;
    for (uint32_t i = 0; i < n; i++) {
        char c = p[i];
        if (c == '\\') {
            if (i + 1 >= n || is_alnum(p[i + 1]))
                return 0;
            lit[k++] = p[++i];
        } else if (is_ere_special(c)) {
            return 0;
        } else {
            lit[k++] = c;
        }
    }
    *lit_n = k;
    return 1;
}

/* ======================================================================
** The cache
** ====================================================================== */

static void regex_free(SrtMem *m, SrtRegex *r)
{
    if (!r)
        return;
    if (r->compiled)
        regfree(&r->re);
    srt_mem_free(m, r->pat, r->alloc);
    srt_mem_free(m, r, sizeof *r);
}

void srt_regex_cache_free(SrtQuery *q)
{
    SrtRegexCache *c = q->regex;
    if (!c)
        return;
    for (size_t i = 0; i < c->n_pinned; i++)
        regex_free(q->mem, c->pinned[i]);
    for (int i = 0; i < RING; i++)
        regex_free(q->mem, c->ring[i]);
    srt_mem_free(q->mem, c->pinned, sizeof *c->pinned * c->cap_pinned);
    if (c->loc)
        freelocale(c->loc);
    srt_mem_free(q->mem, c, sizeof *c);
    q->regex = NULL;
}

static SrtRegexCache *cache_of(SrtQuery *q)
{
    if (!q->regex) {
        SrtRegexCache *c = srt_mem_calloc(q->mem, sizeof *c);
        if (!c)
            srt_query_oom(q, "regular expressions");
        c->loc = newlocale(LC_CTYPE_MASK, "C.UTF-8", (locale_t)0);
        q->regex = c;
    }
    return q->regex;
}

/* Compile pat; NULL after failing the query with the reason. */
static SrtRegex *regex_new(SrtQuery *q, SrtRegexCache *c, const char *pat, uint32_t n)
{
    SrtRegex *r = srt_mem_calloc(q->mem, sizeof *r);
    /* One block: pat (n + 1) | lit (n + 1) | map (n + 2 ints, aligned) | ere (16 n + 16). */
    size_t off_map = (2 * ((size_t)n + 1) + sizeof(int) - 1) / sizeof(int) * sizeof(int);
    size_t off_ere = off_map + sizeof(int) * ((size_t)n + 2);
    size_t alloc = off_ere + (size_t)n * 16 + 16;
    char *mem = r ? srt_mem_alloc(q->mem, alloc) : NULL;
    if (!mem) {
        if (r)
            srt_mem_free(q->mem, r, sizeof *r);
        srt_query_oom(q, "regular expressions");
    }
    r->alloc = alloc;
    r->pat = mem;
    r->pat_n = n;
    if (n)
        memcpy(r->pat, pat, n);
    r->pat[n] = '\0';
    r->lit = mem + n + 1;
    r->map = (int *)(void *)(mem + off_map);
    char *ere = mem + off_ere;
    r->literal = n > 0 && literal_text(pat, n, r->lit, &r->lit_n);
    if (r->literal || n == 0)
        return r;
    char err[160], msg[400];
    int icase;
    if (srt_regex_translate(pat, n, ere, r->map, &r->n_java, &icase, err, sizeof err) < 0) {
        snprintf(msg, sizeof msg, "invalid regular expression '%.*s': %s", (int)(n > 200 ? 200 : n),
                 pat, err);
        regex_free(q->mem, r);
        srt_query_fail(q, msg);
        return NULL;
    }
    locale_t old = c->loc ? uselocale(c->loc) : (locale_t)0;
    int rc = regcomp(&r->re, ere, REG_EXTENDED | (icase ? REG_ICASE : 0));
    if (c->loc)
        uselocale(old);
    if (rc != 0) {
        regerror(rc, &r->re, err, sizeof err);
        snprintf(msg, sizeof msg, "invalid regular expression '%.*s': %s", (int)(n > 200 ? 200 : n),
                 pat, err);
        regex_free(q->mem, r);
        srt_query_fail(q, msg);
        return NULL;
    }
    r->compiled = 1;
    return r;
}

static int same(const SrtRegex *r, const char *pat, uint32_t n)
{
    return r && r->pat_n == n && (n == 0 || memcmp(r->pat, pat, n) == 0);
}

const SrtRegex *srt_regex_get(SrtQuery *q, const char *pat, uint32_t n, int32_t pin)
{
    SrtRegexCache *c = cache_of(q);
    for (size_t i = 0; i < c->n_pinned; i++)
        if (same(c->pinned[i], pat, n))
            return c->pinned[i];
    SrtRegex *r = NULL;
    for (int i = 0; i < RING; i++)
        if (same(c->ring[i], pat, n)) {
            r = c->ring[i];
            if (!pin)
                return r;
            c->ring[i] = NULL; /* moves to the pinned list */
        }
    if (!r && !(r = regex_new(q, c, pat, n)))
        return NULL;
    if (pin) {
        if (c->n_pinned == c->cap_pinned &&
            srt_mem_grow(q->mem, (void **)&c->pinned, &c->cap_pinned, sizeof *c->pinned,
                         c->n_pinned + 1) < 0) {
            regex_free(q->mem, r);
            srt_query_oom(q, "regular expressions");
        }
        c->pinned[c->n_pinned++] = r;
        return r;
    }
    regex_free(q->mem, c->ring[c->ring_next]);
    c->ring[c->ring_next] = r;
    c->ring_next = (c->ring_next + 1) % RING;
    return r;
}

/* ======================================================================
** Matching
** ====================================================================== */

/* The text regexec reads: a NUL-terminated copy in scratch memory (string values are not
   NUL-terminated, and sanitizers' regexec interceptors read up to a NUL even with
   REG_STARTEND).  Literal patterns read s in place. */
static const char *subject(SrtQuery *q, const SrtRegex *r, const char *s, uint32_t n)
{
    if (!r->compiled)
        return s;
    char *z = srt_scratch_alloc(q, (size_t)n + 1);
    if (n)
        memcpy(z, s, n);
    z[n] = '\0';
    return z;
}

/* The first match at or after from: 1 with m[0..n_posix] filled (offsets into s), or 0. */
static int find(SrtQuery *q, const SrtRegex *r, const char *s, uint32_t n, uint32_t from,
                regmatch_t *m, size_t nm)
{
    if (r->literal) {
        if (r->lit_n > n - from)
            return 0;
        const char *hit = memmem(s + from, n - from, r->lit, r->lit_n);
        if (!hit)
            return 0;
        m[0].rm_so = hit - s;
        m[0].rm_eo = m[0].rm_so + (regoff_t)r->lit_n;
        return 1;
    }
    if (!r->compiled) { /* the empty pattern matches everywhere */
        m[0].rm_so = m[0].rm_eo = from;
        return 1;
    }
    SrtRegexCache *c = q->regex;
    m[0].rm_so = from;
    m[0].rm_eo = n;
    locale_t old = c->loc ? uselocale(c->loc) : (locale_t)0;
    int rc = regexec(&r->re, s, nm, m, REG_STARTEND | (from > 0 ? REG_NOTBOL : 0));
    if (c->loc)
        uselocale(old);
    return rc == 0;
}

int srt_regexp_extract(SrtQuery *q, const SrtRegex *r, const char *s, uint32_t n, int32_t idx,
                       const char **out, uint32_t *out_n)
{
    *out = s;
    *out_n = 0;
    if (!r)
        return -1;
    size_t nm = r->compiled ? r->re.re_nsub + 1 : 1;
    regmatch_t small[16];
    regmatch_t *m = nm <= 16 ? small : srt_scratch_alloc(q, sizeof *m * nm);
    if (!find(q, r, subject(q, r, s, n), n, 0, m, nm))
        return 0;
    if (idx < 0 || idx > r->n_java) {
        char msg[160];
        if (idx < 0)
            snprintf(msg, sizeof msg,
                     "regexp_extract: The specified group index cannot be less than zero");
        else
            snprintf(msg, sizeof msg,
                     "regexp_extract: Regex group count is %d, but the specified group index is %d",
                     r->n_java, idx);
        srt_query_fail(q, msg);
        return -1;
    }
    const regmatch_t *g = &m[idx ? r->map[idx] : 0];
    if (g->rm_so < 0)
        return 0; /* the group did not take part in the match: "" as Spark */
    *out = s + g->rm_so;
    *out_n = (uint32_t)(g->rm_eo - g->rm_so);
    return 0;
}

/* Append s[b, e) to the growing datum array. */
static void push(SrtQuery *q, SrtDatum **v, uint32_t *n, uint32_t *cap, const char *s, uint32_t b,
                 uint32_t e)
{
    if (*n == *cap) {
        uint32_t nc = *cap ? *cap * 2 : 8;
        SrtDatum *nv = srt_scratch_alloc(q, sizeof *nv * nc);
        if (*n)
            memcpy(nv, *v, sizeof *nv * *n);
        *v = nv;
        *cap = nc;
    }
    SrtDatum *d = &(*v)[(*n)++];
    memset(d, 0, sizeof *d);
    d->p = s + b;
    d->n = e - b;
}

static uint32_t cp_bytes(unsigned char c)
{
    return c < 0xC0 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : c < 0xF8 ? 4 : 1;
}

int srt_split(SrtQuery *q, const SrtRegex *r, const char *s, uint32_t n, int32_t limit,
              const void **out, uint32_t *out_n)
{
    SrtDatum *v = NULL;
    uint32_t cnt = 0, cap = 0;
    *out = NULL;
    *out_n = 0;
    if (!r)
        return -1;
    if (limit == 0)
        limit = -1; /* Spark: no Java "drop trailing empty strings" */
    if (n > 0 && r->pat_n == 0) {
        /* Spark 3.4+: an empty pattern splits into code points, no trailing "". */
        uint32_t i = 0;
        while (i < n) {
            uint32_t e = i + cp_bytes((unsigned char)s[i]);
            if (e > n || (limit > 0 && cnt == (uint32_t)limit - 1))
                e = n;
            push(q, &v, &cnt, &cap, s, i, e);
            i = e;
        }
        *out = v;
        *out_n = cnt;
        return 0;
    }
    size_t nm = r->compiled ? r->re.re_nsub + 1 : 1;
    regmatch_t small[16];
    regmatch_t *m = nm <= 16 ? small : srt_scratch_alloc(q, sizeof *m * nm);
    /* java.lang.String.split(regex, limit) */
    uint32_t index = 0, from = 0;
    int limited = limit > 0;
    const char *z = subject(q, r, s, n);
    while (from <= n && find(q, r, z, n, from, m, nm)) {
        uint32_t ms = (uint32_t)m[0].rm_so, me = (uint32_t)m[0].rm_eo;
        if (!limited || cnt < (uint32_t)limit - 1) {
            if (!(index == 0 && ms == 0 && me == 0)) { /* no leading "" for an empty match */
                push(q, &v, &cnt, &cap, s, index, ms);
                index = me;
            }
        } else if (cnt == (uint32_t)limit - 1) {
            push(q, &v, &cnt, &cap, s, index, n);
            index = me;
        }
        if (me == ms)
            from = me < n ? me + cp_bytes((unsigned char)s[me]) : n + 1;
        else
            from = me;
    }
    if (index == 0) {
        cnt = 0;
        push(q, &v, &cnt, &cap, s, 0, n);
    } else if (!limited || cnt < (uint32_t)limit) {
        push(q, &v, &cnt, &cap, s, index, n);
    }
    *out = v;
    *out_n = cnt;
    return 0;
}
