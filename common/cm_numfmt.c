/* cm_numfmt.c - Spark 3.5's ToNumberParser (catalyst/util/ToNumberParser.scala): the
** tokens of a number format, its checks, to_number's parse and to_char's format, step by
** step as the Scala class does them (cm_numfmt.h).
*/
#include "common/cm_numfmt.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "common/cm_text.h"
#include "common/cm_utf8.h"

/* ==== Tokens (ToNumberParser.formatTokens) ==== */

static void put_tok(CmNumFmt *f, CmNfKind k, uint32_t ch)
{
    f->tok[f->n_tok++] = (CmNfTok){.kind = (uint8_t)k, .ch = ch};
}

/* The characters of the format as tokens, before grouping: a digit run or a separator is
   an item of a one-item CM_NF_GROUP, merged below. */
static void raw_tokens(CmNumFmt *f, const char *u, size_t n)
{
    bool reached_point = false;
    size_t i = 0;
    while (i < n) {
        char c = u[i];
        if (c == '0' || c == '9') {
            size_t start = i;
            do
                i++;
            while (i < n && (u[i] == '0' || u[i] == '9'));
            CmNfItemKind k = c == '0' && !reached_point ? CM_NFI_EXACT : CM_NFI_ATMOST;
            f->item[f->n_item] = (CmNfItem){(uint8_t)k, (uint8_t)(i - start)};
            f->tok[f->n_tok++] = (CmNfTok){CM_NF_GROUP, 1, (uint8_t)f->n_item++, 0};
            continue;
        }
        if (c == ',' || c == 'G') {
            f->item[f->n_item] = (CmNfItem){CM_NFI_COMMA, 0};
            f->tok[f->n_tok++] = (CmNfTok){CM_NF_GROUP, 1, (uint8_t)f->n_item++, 0};
            i++;
        } else if (c == '.' || c == 'D') {
            put_tok(f, CM_NF_POINT, 0), reached_point = true, i++;
        } else if (c == '$') {
            put_tok(f, CM_NF_DOLLAR, 0), i++;
        } else if (c == 'S') {
            put_tok(f, CM_NF_SIGN, 0), i++;
        } else if (c == 'M' && i + 1 < n && u[i + 1] == 'I') {
            put_tok(f, CM_NF_MINUS, 0), i += 2;
        } else if (c == 'P' && i + 1 < n && u[i + 1] == 'R') { /* tokens.prepend(<) */
            memmove(f->tok + 1, f->tok, (size_t)f->n_tok * sizeof f->tok[0]);
            f->tok[0] = (CmNfTok){.kind = CM_NF_OPEN};
            f->n_tok++;
            put_tok(f, CM_NF_CLOSE, 0), i += 2;
        } else {
            put_tok(f, CM_NF_BAD, cm_utf8_next(u, n, &i));
        }
    }
}

/* Consecutive digit runs and separators made one DigitGroups (their items are in f->item in
   the format's order already). */
static void group_tokens(CmNumFmt *f)
{
    int out = 0;
    for (int i = 0; i < f->n_tok; i++) {
        CmNfTok t = f->tok[i];
        if (t.kind == CM_NF_GROUP && out > 0 && f->tok[out - 1].kind == CM_NF_GROUP &&
            f->tok[out - 1].first + f->tok[out - 1].n == t.first)
            f->tok[out - 1].n++;
        else
            f->tok[out++] = t;
    }
    f->n_tok = out;
}

static int group_digits(const CmNumFmt *f, const CmNfTok *t)
{
    int d = 0;
    for (int k = 0; k < t->n; k++)
        d += f->item[t->first + k].num;
    return d;
}

static bool group_has_comma(const CmNumFmt *f, const CmNfTok *t)
{
    for (int k = 0; k < t->n; k++)
        if (f->item[t->first + k].kind == CM_NFI_COMMA)
            return true;
    return false;
}

/* ==== checkInputDataTypes ==== */

static int first_index(const CmNumFmt *f, CmNfKind k)
{
    for (int i = 0; i < f->n_tok; i++)
        if (f->tok[i].kind == k)
            return i;
    return -1;
}

/* A separator first, last or beside another (CONT_THOUSANDS_SEPS). */
static bool bad_separators(const CmNumFmt *f, const CmNfTok *t)
{
    for (int j = 0; j < t->n; j++) {
        if (f->item[t->first + j].kind != CM_NFI_COMMA)
            continue;
        if (j == 0 || j == t->n - 1 || f->item[t->first + j - 1].kind == CM_NFI_COMMA ||
            f->item[t->first + j + 1].kind == CM_NFI_COMMA)
            return true;
    }
    return false;
}

/* InputToken.toString, as UNEXPECTED_TOKEN and WRONG_NUM_TOKEN print it. */
static const char *tok_text(const CmNfTok *t, char *buf)
{
    switch ((CmNfKind)t->kind) {
    case CM_NF_GROUP:
        return "digit sequence";
    case CM_NF_POINT:
        return ". or D";
    case CM_NF_DOLLAR:
        return "$";
    case CM_NF_SIGN:
        return "S";
    case CM_NF_MINUS:
        return "MI";
    case CM_NF_OPEN:
    case CM_NF_CLOSE:
        return "PR";
    case CM_NF_BAD: {
        /* s"character '$char''" (the second quote is Spark's) */
        char ch[5] = {0};
        cm_utf8_put(t->ch, ch);
        sprintf(buf, "character '%s''", ch);
        return buf;
    }
    }
    return "";
}

/* The allowed order: [PR<] [MI|S] [$] [digits] [.|D] [digits] [$] [MI|S|PR>], each slot
   taking at most one token, greedily; the index of the first token left, or n_tok. */
static int order_walk(const CmNumFmt *f)
{
    static const uint8_t slots[8][3] = {
        {CM_NF_OPEN, 0xFF, 0xFF},   {CM_NF_MINUS, CM_NF_SIGN, 0xFF},
        {CM_NF_DOLLAR, 0xFF, 0xFF}, {CM_NF_GROUP, 0xFF, 0xFF},
        {CM_NF_POINT, 0xFF, 0xFF},  {CM_NF_GROUP, 0xFF, 0xFF},
        {CM_NF_DOLLAR, 0xFF, 0xFF}, {CM_NF_MINUS, CM_NF_SIGN, CM_NF_CLOSE}};
    int i = 0;
    for (int s = 0; s < 8; s++)
        if (i < f->n_tok && (slots[s][0] == f->tok[i].kind || slots[s][1] == f->tok[i].kind ||
                             slots[s][2] == f->tok[i].kind))
            i++;
    return i;
}

static const char *fail(char *why, size_t ws, const CmNumFmt *f, const char **sub, const char *name,
                        const char *msg)
{
    char q[2 * CM_NUMFMT_MAX + 3]; /* toSQLValue: '...' with \ and ' escaped */
    size_t k = 0;
    q[k++] = '\'';
    for (size_t i = 0; i < f->upper_n; i++) {
        if (f->upper[i] == '\\' || f->upper[i] == '\'')
            q[k++] = '\\';
        q[k++] = f->upper[i];
    }
    q[k++] = '\'';
    q[k] = 0;
    *sub = name;
    snprintf(why, ws, "The format is invalid: %s. %s", q, msg);
    return why;
}

static const char *check(const CmNumFmt *f, const char **sub, char *why, size_t ws)
{
    char buf[32];
    if (f->upper_n == 0)
        return fail(why, ws, f, sub, "EMPTY", "The number format string cannot be empty.");
    int first_digit = first_index(f, CM_NF_GROUP), first_dollar = first_index(f, CM_NF_DOLLAR),
        first_point = first_index(f, CM_NF_POINT);
    if (first_digit < 0)
        return fail(why, ws, f, sub, "WRONG_NUM_DIGIT",
                    "The format string requires at least one number digit.");
    if (first_digit < first_dollar)
        return fail(why, ws, f, sub, "CUR_MUST_BEFORE_DIGIT",
                    "Currency characters must appear before digits in the number format.");
    if (first_point != -1 && first_point < first_dollar)
        return fail(why, ws, f, sub, "CUR_MUST_BEFORE_DEC",
                    "Currency characters must appear before any decimal point in the number "
                    "format.");
    for (int i = 0; i < f->n_tok; i++)
        if (f->tok[i].kind == CM_NF_GROUP && (first_point == -1 || i < first_point) &&
            bad_separators(f, &f->tok[i]))
            return fail(why, ws, f, sub, "CONT_THOUSANDS_SEPS",
                        "Thousands separators (, or G) must have digits in between them in the "
                        "number format.");
    for (int i = 0; i < f->n_tok; i++)
        if (f->tok[i].kind == CM_NF_GROUP && first_point != -1 && i > first_point &&
            group_has_comma(f, &f->tok[i]))
            return fail(why, ws, f, sub, "THOUSANDS_SEPS_MUST_BEFORE_DEC",
                        "Thousands separators (, or G) may not appear after the decimal point "
                        "in the number format.");
    static const CmNfKind once[] = {CM_NF_POINT, CM_NF_SIGN, CM_NF_MINUS, CM_NF_DOLLAR,
                                    CM_NF_CLOSE};
    for (size_t k = 0; k < sizeof once / sizeof once[0]; k++) {
        int count = 0;
        for (int i = 0; i < f->n_tok; i++)
            count += f->tok[i].kind == once[k];
        if (count > 1) {
            CmNfTok t = {.kind = (uint8_t)once[k]};
            char msg[64];
            snprintf(msg, sizeof msg, "At most one %s is allowed in the number format.",
                     tok_text(&t, buf));
            return fail(why, ws, f, sub, "WRONG_NUM_TOKEN", msg);
        }
    }
    int left = order_walk(f);
    if (left < f->n_tok) {
        char msg[256];
        snprintf(msg, sizeof msg,
                 "Found the unexpected %s in the format string; the structure of the format "
                 "string must match: `[MI|S]` `[$]` `[0|9|G|,]*` `[.|D]` `[0|9]*` `[$]` "
                 "`[PR|MI|S]`.",
                 tok_text(&f->tok[left], buf));
        return fail(why, ws, f, sub, "UNEXPECTED_TOKEN", msg);
    }
    return NULL;
}

const char *cm_numfmt_compile(const char *fmt, size_t n, CmNumFmt *f, const char **sub, char *why,
                              size_t why_size)
{
    memset(f, 0, sizeof *f);
    for (size_t i = 0; i < n && i < CM_NUMFMT_MAX; i++) /* toUpperCase(Locale.ROOT) */
        f->upper[i] = fmt[i] >= 'a' && fmt[i] <= 'z' ? (char)(fmt[i] - 32) : fmt[i];
    f->upper_n = n < CM_NUMFMT_MAX ? n : CM_NUMFMT_MAX;
    raw_tokens(f, f->upper, f->upper_n);
    group_tokens(f);
    int point = first_index(f, CM_NF_POINT);
    for (int i = 0; i < f->n_tok; i++)
        if (f->tok[i].kind == CM_NF_GROUP) {
            int d = group_digits(f, &f->tok[i]);
            f->precision += d;
            if (point != -1 && i > point)
                f->scale += d;
        }
    return check(f, sub, why, why_size);
}

/* ==== parse (to_number) ==== */

/* Java's Character.isWhitespace of a code point of the Basic Multilingual Plane (beyond it
   Spark sees two surrogates, neither whitespace). */
static bool java_whitespace(uint32_t c)
{
    return (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x20) || c == 0x1680 ||
           (c >= 0x2000 && c <= 0x200A && c != 0x2007) || c == 0x2028 || c == 0x2029 ||
           c == 0x205F || c == 0x3000;
}

typedef struct ParseState {
    char before[CM_NUMFMT_MAX + 1], after[CM_NUMFMT_MAX + 1]; /* digits '0'..'9' */
    int nb, na;
    bool too_many; /* more digits than the format holds: the group check fails */
} ParseState;

/* parseDigitGroups: consumes digits, whitespace and commas from s[*i]; false when the runs
   found do not fit the group's digit runs (compared from the right). */
static bool parse_group(const CmNumFmt *f, const CmNfTok *t, const char *s, size_t n, size_t *i,
                        bool reached_point, ParseState *ps)
{
    int expected = 0;
    for (int k = 0; k < t->n; k++)
        expected += f->item[t->first + k].kind != CM_NFI_COMMA;
    int sizes[CM_NUMFMT_MAX + 1], n_sizes = 0, cur = 0; /* chronological */
    bool more = false;
    for (;;) {
        if (*i >= n) {
            break;
        }
        size_t j = *i, len;
        uint32_t c = cm_utf8_next(s, n, &j);
        int d = cm_java_digit(s + *i, n - *i, &len);
        if (java_whitespace(c)) {
            *i = j;
        } else if (d >= 0) {
            cur++;
            char *buf = reached_point ? ps->after : ps->before;
            int *nd = reached_point ? &ps->na : &ps->nb;
            if (*nd < CM_NUMFMT_MAX)
                buf[(*nd)++] = (char)('0' + d);
            else
                ps->too_many = true;
            *i = j;
        } else if (c == ',') {
            if (n_sizes <= expected)
                sizes[n_sizes] = cur;
            else
                more = true;
            n_sizes++, cur = 0;
            *i = j;
        } else {
            break;
        }
    }
    if (n_sizes <= expected) /* the last run, whether a character or the end stopped it */
        sizes[n_sizes] = cur;
    n_sizes++;
    if (more || n_sizes > expected || ps->too_many)
        return false;
    /* Spark's sizes are prepended and its digit runs reversed: run k from the right */
    int k = 0;
    for (int it = t->n - 1; it >= 0; it--) {
        const CmNfItem *x = &f->item[t->first + it];
        if (x->kind == CM_NFI_COMMA)
            continue;
        int actual = k < n_sizes ? sizes[n_sizes - 1 - k] : 0;
        if ((x->kind == CM_NFI_EXACT && actual != x->num) ||
            (x->kind == CM_NFI_ATMOST && actual > x->num))
            return false;
        k++;
    }
    return true;
}

/* The input's character at i: an ASCII byte, or 0 for the end or anything else. */
static char ascii_at(const char *s, size_t n, size_t i)
{
    return i < n && (unsigned char)s[i] < 0x80 ? s[i] : 0;
}

int cm_numfmt_parse(const CmNumFmt *f, const char *s, size_t n, cm_i128 *out, const char **java_msg)
{
    ParseState ps = {.nb = 0};
    bool reached_point = false, opened = false, closed = false, neg = false;
    size_t i = 0;
    for (int t = 0; t < f->n_tok; t++) {
        char c = ascii_at(s, n, i);
        bool have = i < n;
        switch ((CmNfKind)f->tok[t].kind) {
        case CM_NF_GROUP:
            if (!parse_group(f, &f->tok[t], s, n, &i, reached_point, &ps))
                return 0;
            break;
        case CM_NF_POINT:
            if (c == '.')
                reached_point = true, i++;
            break;
        case CM_NF_DOLLAR:
            if (have && c != '$')
                return 0;
            if (have)
                i++;
            break;
        case CM_NF_SIGN:
            if (c == '+' || c == '-')
                neg ^= c == '-', i++;
            break;
        case CM_NF_MINUS:
            if (c == '-')
                neg = !neg, i++;
            break;
        case CM_NF_OPEN:
            if (c == '<') {
                if (opened)
                    return 0;
                opened = true, i++;
            }
            break;
        case CM_NF_CLOSE:
            if (c == '>') {
                if (!opened)
                    return 0;
                closed = true, neg = !neg, i++;
            }
            break;
        case CM_NF_BAD:
            return 0;
        }
    }
    if (i < n || opened != closed)
        return 0;
    /* parseResultToDecimalValue: new BigDecimal(sign + before + "." + after padded) */
    if (ps.nb == 0 && f->scale == 0) {
        *java_msg = neg ? "java.lang.NumberFormatException: No digits found."
                        : "java.lang.NumberFormatException";
        return -1;
    }
    cm_i128 v = 0;
    for (int k = 0; k < ps.nb; k++)
        v = v * 10 + (ps.before[k] - '0');
    for (int k = 0; k < f->scale; k++)
        v = v * 10 + (k < ps.na ? ps.after[k] - '0' : 0);
    *out = neg ? -v : v;
    return 1;
}

/* ==== format (to_char) ==== */

typedef struct Out {
    char *b;
    size_t n;
} Out;

/* stripTrailingLoneDecimalPoint: the first '.', when last or before a space, becomes a space. */
static void strip_lone_point(Out *o)
{
    char *p = memchr(o->b, '.', o->n);
    if (p && (p == o->b + o->n - 1 || p[1] == ' '))
        *p = ' ';
}

/* addCharacterCheckingTrailingSpaces: c appended, then moved before the spaces before it. */
static void add_char(Out *o, char c)
{
    o->b[o->n++] = c;
    for (size_t i = o->n - 1; i >= 1 && o->b[i - 1] == ' ' && o->b[i] == c; i--)
        o->b[i] = ' ', o->b[i - 1] = c;
}

/* addSpaceCheckingTrailingCharacters: a space appended, then moved before a sign or '<'. */
static void add_space(Out *o)
{
    o->b[o->n++] = ' ';
    for (size_t i = o->n - 1; i >= 1 && o->b[i] == ' ' &&
                              (o->b[i - 1] == '+' || o->b[i - 1] == '-' || o->b[i - 1] == '<');
         i--)
        o->b[i] = o->b[i - 1], o->b[i - 1] = ' ';
}

/* formatSplitInputBeforeAndAfterDecimalPoint: the integral digits without leading zeros
   right-aligned in nb places (spaces before), the fraction without trailing zeros left-aligned
   in na places (zeros after); '#'s when either does not fit. */
static void split_digits(cm_i128 v, int s, int nb, int na, char *before, char *after)
{
    char d[48];
    int nd = 0;
    __extension__ unsigned __int128 u = v < 0 ? 0 - (unsigned __int128)v : (unsigned __int128)v;
    do
        d[nd++] = (char)('0' + (int)(u % 10)), u /= 10;
    while (u);
    while (nd <= s) /* toPlainString has a digit before the point */
        d[nd++] = '0';
    char ip[48], fp[48];
    int ni = 0, nf = 0;
    for (int k = nd - 1; k >= s; k--)
        ip[ni++] = d[k];
    for (int k = s - 1; k >= 0; k--)
        fp[nf++] = d[k];
    int lead = 0;
    while (lead < ni && ip[lead] == '0')
        lead++;
    while (nf > 0 && fp[nf - 1] == '0')
        nf--;
    int bl = ni - lead;
    if (nb < bl || na < nf) {
        memset(before, '#', (size_t)nb);
        memset(after, '#', (size_t)na);
        return;
    }
    memset(before, ' ', (size_t)(nb - bl));
    memcpy(before + nb - bl, ip + lead, (size_t)bl);
    memcpy(after, fp, (size_t)nf);
    memset(after + nf, '0', (size_t)(na - nf));
}

static void format_group(const CmNumFmt *f, const CmNfTok *t, bool reached_point,
                         const char *before, int *bi, const char *after, int *ai, Out *o)
{
    for (int k = 0; k < t->n; k++) {
        const CmNfItem *x = &f->item[t->first + k];
        if (x->kind == CM_NFI_COMMA) {
            if (o->n > 0 && o->b[o->n - 1] >= '0' && o->b[o->n - 1] <= '9')
                o->b[o->n++] = ',';
            else
                add_space(o);
            continue;
        }
        for (int d = 0; d < x->num; d++) {
            if (reached_point) {
                o->b[o->n++] = after[(*ai)++];
                continue;
            }
            char c = before[(*bi)++];
            if (c == ' ' && x->kind == CM_NFI_EXACT)
                o->b[o->n++] = '0';
            else if (c == ' ')
                add_space(o);
            else
                o->b[o->n++] = c;
        }
    }
}

size_t cm_numfmt_format(const CmNumFmt *f, cm_i128 v, int s, char *out)
{
    int nb = 0, na = 0;
    bool reached_point = false;
    for (int t = 0; t < f->n_tok; t++) {
        if (f->tok[t].kind == CM_NF_POINT)
            reached_point = true;
        else if (f->tok[t].kind == CM_NF_GROUP)
            *(reached_point ? &na : &nb) += group_digits(f, &f->tok[t]);
    }
    char before[CM_NUMFMT_MAX + 1], after[CM_NUMFMT_MAX + 1];
    split_digits(v, s, nb, na, before, after);
    Out o = {out, 0};
    int bi = 0, ai = 0;
    bool neg = v < 0;
    reached_point = false;
    for (int t = 0; t < f->n_tok; t++) {
        switch ((CmNfKind)f->tok[t].kind) {
        case CM_NF_GROUP:
            format_group(f, &f->tok[t], reached_point, before, &bi, after, &ai, &o);
            break;
        case CM_NF_POINT:
            if (o.n > 0 && o.b[o.n - 1] == ' ')
                o.b[o.n - 1] = '0';
            o.b[o.n++] = '.';
            reached_point = true;
            break;
        case CM_NF_DOLLAR:
            o.b[o.n++] = '$';
            break;
        case CM_NF_SIGN:
            strip_lone_point(&o);
            add_char(&o, neg ? '-' : '+');
            break;
        case CM_NF_MINUS:
            if (neg) {
                strip_lone_point(&o);
                add_char(&o, '-');
            } else {
                o.b[o.n++] = ' ';
            }
            break;
        case CM_NF_OPEN:
            if (neg)
                o.b[o.n++] = '<';
            break;
        case CM_NF_CLOSE:
            strip_lone_point(&o);
            if (neg) {
                add_char(&o, '>');
            } else {
                o.b[o.n++] = ' ';
                o.b[o.n++] = ' ';
            }
            break;
        case CM_NF_BAD:
            break;
        }
    }
    strip_lone_point(&o);
    if (o.n == 0 || (o.n == 1 && (o.b[0] == '+' || o.b[0] == '-'))) {
        out[0] = '0';
        return 1;
    }
    return o.n;
}
