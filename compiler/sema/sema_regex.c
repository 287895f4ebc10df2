/* sema_regex.c - compile-time check of constant regular expressions (regexp_extract, split).
**
** The runtime runs Spark's Java patterns as POSIX extended regular expressions after
** translating them (runtime/src/srt_regex.c, srt_regex_translate).  The compiler cannot
** call the runtime, so this file applies the same translation rules to decide, before
** any code is generated, whether a constant pattern is accepted, why not, and how many
** capturing groups Java would count.  Keep the two in step: what one refuses, the other
** must refuse.  Must not: report diagnostics itself (the caller does, at the argument).
*/
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sema/sema_int.h"

typedef struct Tr {
    const char *p;
    uint32_t n, i;
    StrBuf out;
    char *err;
    size_t err_n;
} Tr;

static bool rx_alnum(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static bool rx_special(char c)
{
    return c != '\0' && strchr(".[]()*+?{}|^$\\", c) != NULL;
}

static bool rx_fail(Tr *t, const char *msg, uint32_t at)
{
    snprintf(t->err, t->err_n, "%s near index %u", msg, at);
    return false;
}

static const char *rx_class_body(char c)
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

static char rx_control(char c)
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

static void rx_lit(Tr *t, char c)
{
    if (rx_special(c))
        sb_putc(&t->out, '\\');
    sb_putc(&t->out, c);
}

/* An escaped literal inside [...] at p[i] == '\\': its character, or 0 after an error. */
static char rx_class_escape(Tr *t, uint32_t i)
{
    if (i + 1 >= t->n) {
        rx_fail(t, "Unexpected internal error", i);
        return 0;
    }
    char e = t->p[i + 1];
    if (rx_control(e))
        return rx_control(e);
    if (!rx_alnum(e))
        return e;
    rx_fail(t, "unsupported escape in a character class", i);
    return 0;
}

static bool rx_class(Tr *t)
{
    const char *p = t->p;
    uint32_t at = t->i++;
    bool neg = false, rb = false, dash = false, caret = false, first = true;
    StrBuf body;
    sb_init(&body, t->out.arena);
    if (t->i < t->n && p[t->i] == '^') {
        neg = true;
        t->i++;
    }
    for (;;) {
        if (t->i >= t->n)
            return rx_fail(t, "Unclosed character class", at);
        char c = p[t->i];
        if (c == ']' && !first) {
            t->i++;
            break;
        }
        first = false;
        if (c == '[')
            return rx_fail(t, "nested character classes are not supported", t->i);
        if (c == '&' && t->i + 1 < t->n && p[t->i + 1] == '&')
            return rx_fail(t, "class intersection (&&) is not supported", t->i);
        char lit;
        if (c == '\\') {
            const char *cls = t->i + 1 < t->n ? rx_class_body(p[t->i + 1]) : NULL;
            if (cls) {
                if (p[t->i + 1] >= 'A' && p[t->i + 1] <= 'Z')
                    return rx_fail(t, "negated class escapes inside [...] are not supported", t->i);
                sb_puts(&body, cls);
                t->i += 2;
                continue;
            }
            if (!(lit = rx_class_escape(t, t->i)))
                return false;
            t->i += 2;
        } else {
            lit = c;
            t->i++;
        }
        if (t->i + 1 < t->n && p[t->i] == '-' && p[t->i + 1] != ']') {
            char hi = p[t->i + 1];
            uint32_t adv = 2;
            if (hi == '\\') {
                if (!(hi = rx_class_escape(t, t->i + 1)))
                    return false;
                adv = 3;
            }
            if ((unsigned char)hi < (unsigned char)lit)
                return rx_fail(t, "Illegal character range", t->i);
            sb_printf(&body, "%c-%c", lit, hi);
            t->i += adv;
            continue;
        }
        if (lit == ']')
            rb = true;
        else if (lit == '-')
            dash = true;
        else if (lit == '^')
            caret = true;
        else
            sb_putc(&body, lit);
    }
    if (!neg && !rb && body.len == 0 && caret) {
        sb_puts(&t->out, dash ? "[-^]" : "\\^");
        return true;
    }
    if (!neg && !rb && body.len == 0 && !dash)
        return rx_fail(t, "empty character class", at);
    sb_printf(&t->out, "[%s%s%s%s%s]", neg ? "^" : "", rb ? "]" : "", body.len ? body.data : "",
              caret ? "^" : "", dash ? "-" : "");
    return true;
}

static bool rx_translate(Tr *t, int *n_groups, bool *icase)
{
    const char *p = t->p;
    int depth = 0, groups = 0;
    bool can_quantify = false;
    *icase = false;
    if (t->n >= 4 && memcmp(p, "(?i)", 4) == 0) {
        *icase = true;
        t->i = 4;
    }
    while (t->i < t->n) {
        char c = p[t->i];
        uint32_t at = t->i;
        if (c == '\\') {
            if (t->i + 1 >= t->n)
                return rx_fail(t, "Unexpected internal error", t->i);
            char e = p[t->i + 1];
            const char *cls = rx_class_body(e);
            t->i += 2;
            can_quantify = true;
            if (cls) {
                sb_printf(&t->out, "[%s%s]", e >= 'A' && e <= 'Z' ? "^" : "", cls);
            } else if (e == 'Q') {
                while (t->i < t->n && !(p[t->i] == '\\' && t->i + 1 < t->n && p[t->i + 1] == 'E'))
                    rx_lit(t, p[t->i++]);
                t->i += t->i < t->n ? 2 : 0;
            } else if (e == 'b' || e == 'B') {
                sb_printf(&t->out, "\\%c", e);
                can_quantify = false;
            } else if (rx_control(e)) {
                sb_putc(&t->out, rx_control(e));
            } else if (e >= '1' && e <= '9') {
                return rx_fail(t, "backreferences are not supported", at);
            } else if (rx_alnum(e)) {
                return rx_fail(t, "unsupported escape sequence", at);
            } else {
                rx_lit(t, e);
            }
            continue;
        }
        switch (c) {
        case '[':
            if (!rx_class(t))
                return false;
            can_quantify = true;
            break;
        case '(':
            if (t->i + 1 < t->n && p[t->i + 1] == '?') {
                if (t->i + 2 < t->n && p[t->i + 2] == ':') {
                    sb_putc(&t->out, '(');
                    t->i += 3;
                    depth++;
                    can_quantify = false;
                    break;
                }
                if (t->i + 2 < t->n &&
                    (p[t->i + 2] == '=' || p[t->i + 2] == '!' || p[t->i + 2] == '<'))
                    return rx_fail(t, "lookaround and named groups are not supported", at);
                return rx_fail(t, "inline flags and special groups are not supported", at);
            }
            sb_putc(&t->out, '(');
            t->i++;
            depth++;
            groups++;
            can_quantify = false;
            break;
        case ')':
            if (depth == 0)
                return rx_fail(t, "Unmatched closing ')'", at);
            depth--;
            sb_putc(&t->out, ')');
            t->i++;
            can_quantify = true;
            break;
        case '*':
        case '+':
        case '?':
        case '{':
            if (!can_quantify)
                return rx_fail(t, "Dangling meta character", at);
            if (c == '{') {
                uint32_t j = t->i + 1, d1 = 0;
                while (j < t->n && p[j] >= '0' && p[j] <= '9')
                    j++, d1++;
                if (j < t->n && p[j] == ',') {
                    j++;
                    while (j < t->n && p[j] >= '0' && p[j] <= '9')
                        j++;
                }
                if (d1 == 0 || j >= t->n || p[j] != '}')
                    return rx_fail(t, "Illegal repetition", at);
                sb_putn(&t->out, p + t->i, j + 1 - t->i);
                t->i = j + 1;
            } else {
                sb_putc(&t->out, c);
                t->i++;
            }
            if (t->i < t->n && (p[t->i] == '?' || p[t->i] == '+'))
                return rx_fail(t, "lazy and possessive quantifiers are not supported", at);
            can_quantify = false;
            break;
        case '.':
            sb_puts(&t->out, "[^\n\r]");
            t->i++;
            can_quantify = true;
            break;
        case '|':
        case '^':
        case '$':
            sb_putc(&t->out, c);
            t->i++;
            can_quantify = false;
            break;
        case '}':
        case ']':
            rx_lit(t, c);
            t->i++;
            can_quantify = true;
            break;
        default:
            sb_putc(&t->out, c);
            t->i++;
            can_quantify = true;
            break;
        }
    }
    if (depth)
        return rx_fail(t, "Unclosed group", t->n);
    *n_groups = groups;
    return true;
}

bool sema_regex_check(Arena *arena, const char *pat, uint32_t n, int *n_groups, char *err,
                      size_t err_n)
{
    Tr t = {pat, n, 0, {0}, err, err_n};
    sb_init(&t.out, arena);
    bool icase;
    *n_groups = 0;
    if (n == 0)
        return true;
    if (!rx_translate(&t, n_groups, &icase))
        return false;
    regex_t re;
    int rc = regcomp(&re, t.out.data ? t.out.data : "", REG_EXTENDED | (icase ? REG_ICASE : 0));
    if (rc != 0) {
        regerror(rc, &re, err, err_n);
        return false;
    }
    regfree(&re);
    return true;
}
