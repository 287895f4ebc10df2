/* cm_regex.c - Java patterns rewritten to PCRE2 syntax with Java's meaning, compiled, matched.
**
** java.util.regex and PCRE2 are both backtracking, leftmost-first engines; most syntax
** means the same in both and is passed on.  This file reads the Java pattern once (as
** java.util.regex.Pattern parses it) and writes the PCRE2 pattern, changing what the two
** read differently:
**   .            Java excludes the line terminators \n \r \u0085 \u2028 \u2029 (only \n
**                with (?d)); written as an explicit class, (?s) as any character.
**   ^ $ \Z       Java's Caret/Dollar nodes (line terminators as above, never between \r
**                and \n, (?m) ^ not at the end of input): written as lookarounds.
**   \b \B        Java 8-17 (Spark 3.5's) Bound: a word character is a letter or digit
**                (Unicode) or '_', and a non-spacing mark after one: a callout.
**   \R           Java's LineEnding, which can give back the \n of \r\n (PCRE2's cannot).
**   (?i)         without (?u) Java folds ASCII letters only: written as [aA]; with (?u)
**                PCRE2's Unicode folding.  \p{Lu} \p{Lower} ... under (?i) as in
**                CharPredicates.forProperty(name, caseIns).
**   escapes      \0ooo \xhh \x{h..} \uhhhh \cX (Java's values), \p{..} names of
**                CharPredicates.forProperty (categories, POSIX ASCII classes), Is and sc=
**                scripts, gc= categories; back references \n with Java's digit rule.
** and refusing, with a reason, what has no PCRE2 equivalent or a different meaning: class
** union and intersection ([a[b]], &&), \p{In..} blocks, \p{java..} and binary properties,
** (?x) and (?U), \G, \X, \N{..}, \b{g}, a back reference under ASCII-only (?i).  Java's
** own errors (Unclosed group, Dangling meta character, Illegal repetition, ...) are
** found here with Java's words; what PCRE2 refuses after that (a lookbehind without a
** bounded length) keeps PCRE2's words.
**
** The rules were checked by running generated patterns and subjects through both this
** file and java.util.regex (JDK 17); the differences left are listed in docs/language.md.
*/
#define _GNU_SOURCE /* memmem */
#define PCRE2_CODE_UNIT_WIDTH 8
#include "common/cm_regex.h"
#include "common/cm_json_lex.h"

#include <pcre2.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_DEPTH 200

struct CmRegex {
    pcre2_code *code;        /* NULL for a literal pattern */
    pcre2_match_data *md;
    pcre2_match_context *mc; /* with the \b callout */
    pcre2_code *wordcls;     /* ([\p{L}\p{Nd}])|(_)|(\p{Mn}): Java's word test, for \b */
    pcre2_match_data *wmd;
    char *lit;               /* a pattern without metacharacters: its text, found by memmem */
    size_t lit_n;
    int groups;
    size_t lit_ov[2];
};

/* ======================================================================
** Java pattern -> PCRE2 pattern
** ====================================================================== */

enum { F_I = 1, F_D = 2, F_M = 4, F_S = 8, F_U = 16 };

typedef struct Tr {
    const char *p;
    size_t n, i;
    char *out;
    size_t len, cap;
    size_t *at; /* at[k]: the pattern offset output byte k came from */
    char *err;
    size_t err_n;
    bool failed;
    int flags, depth, groups;
    int total; /* capturing groups of the whole pattern (first pass: INT32_MAX) */
    int stack[MAX_DEPTH]; /* flags to restore at each open group's ')' */
    bool literal, bound;
    char names[64][33];
    int n_names;
} Tr;

static size_t utf16_index(const char *p, size_t n, size_t at)
{
    size_t k = 0;
    for (size_t i = 0; i < at && i < n; i++) {
        unsigned char c = (unsigned char)p[i];
        if ((c & 0xC0) != 0x80)
            k += c >= 0xF0 ? 2 : 1;
    }
    return k;
}

static bool tr_fail(Tr *t, size_t at, const char *fmt, ...)
{
    if (t->failed)
        return false;
    char msg[200];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    snprintf(t->err, t->err_n, "%s near index %zu", msg, utf16_index(t->p, t->n, at));
    t->failed = true;
    return false;
}

static void put(Tr *t, const char *s, size_t n, size_t from)
{
    if (t->failed)
        return;
    if (t->len + n + 1 > t->cap) {
        size_t cap = (t->len + n + 1) * 2 + 64;
        char *o = realloc(t->out, cap);
        size_t *a = realloc(t->at, cap * sizeof *a);
        if (o)
            t->out = o;
        if (a)
            t->at = a;
        if (!o || !a) {
            tr_fail(t, from, "out of memory");
            return;
        }
        t->cap = cap;
    }
    memcpy(t->out + t->len, s, n);
    for (size_t k = 0; k < n; k++)
        t->at[t->len + k] = from;
    t->len += n;
    t->out[t->len] = '\0';
}

static void puts_at(Tr *t, const char *s, size_t from) { put(t, s, strlen(s), from); }

static void put_hex(Tr *t, uint32_t cp, size_t from)
{
    char b[16];
    snprintf(b, sizeof b, "\\x{%x}", (unsigned)cp);
    puts_at(t, b, from);
}

static bool is_digit(int c) { return c >= '0' && c <= '9'; }
static bool is_alpha(int c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
static int hex_val(int c) { return c < 0 ? -1 : cm_json_hex((char)c); } /* peek's -1: none */

static int peek(const Tr *t, size_t k) { return t->i + k < t->n ? (unsigned char)t->p[t->i + k] : -1; }

/* Decode the code point at t->i (invalid bytes read as U+FFFD, as Java's decoding) and
   advance past it. */
static uint32_t next_cp(Tr *t)
{
    const unsigned char *s = (const unsigned char *)t->p + t->i;
    size_t left = t->n - t->i;
    unsigned c = s[0];
    int k = c < 0x80 ? 0 : c >= 0xC2 && c < 0xE0 ? 1 : c >= 0xE0 && c < 0xF0 ? 2 : c >= 0xF0 && c < 0xF5 ? 3 : -1;
    if (k < 0 || (size_t)k >= left) {
        t->i++;
        return k == 0 ? c : 0xFFFD;
    }
    uint32_t cp = k == 0 ? c : c & (0x3F >> k);
    for (int j = 1; j <= k; j++) {
        if ((s[j] & 0xC0) != 0x80) {
            t->i++;
            return 0xFFFD;
        }
        cp = cp << 6 | (s[j] & 0x3F);
    }
    if ((k == 2 && (cp < 0x800 || (cp >= 0xD800 && cp < 0xE000))) || (k == 3 && (cp < 0x10000 || cp > 0x10FFFF))) {
        t->i++;
        return 0xFFFD;
    }
    t->i += (size_t)k + 1;
    return cp;
}

/* ASCII-only case folding: (?i) without (?u). */
static bool ascii_fold(const Tr *t) { return (t->flags & (F_I | F_U)) == F_I; }

/* One literal character outside a class. */
static void emit_char(Tr *t, uint32_t cp, size_t from)
{
    if (ascii_fold(t) && cp < 128 && is_alpha((int)cp)) {
        char b[5] = {'[', (char)(cp | 0x20), (char)(cp & ~0x20u), ']', 0};
        puts_at(t, b, from);
    } else if (cp < 128 && (is_alpha((int)cp) || is_digit((int)cp))) {
        char b[2] = {(char)cp, 0};
        puts_at(t, b, from);
    } else if (cp > 0x20 && cp < 0x7F) {
        char b[3] = {'\\', (char)cp, 0};
        puts_at(t, b, from);
    } else {
        put_hex(t, cp, from);
    }
}

/* A single-character escape at t->i (just after the backslash, at its letter): \t \n \r
   \f \a \e \0ooo \xhh \x{h...} \uhhhh \cX or an escaped non-letter.  The code point,
   -1 when the escape is not a single character (t->i unchanged), -2 after an error. */
static long char_escape(Tr *t, size_t bs)
{
    int c = peek(t, 0);
    switch (c) {
    case 't': t->i++; return '\t';
    case 'n': t->i++; return '\n';
    case 'r': t->i++; return '\r';
    case 'f': t->i++; return '\f';
    case 'a': t->i++; return 7;
    case 'e': t->i++; return 27;
    case '0': {
        /* Java: \0n, \0nn, \0mnn (m <= 3) */
        t->i++;
        int a = peek(t, 0), b = peek(t, 1), d = peek(t, 2);
        if (a < '0' || a > '7')
            return tr_fail(t, bs, "Illegal octal escape sequence"), -2;
        long v = a - '0';
        t->i++;
        if (b >= '0' && b <= '7') {
            v = v * 8 + (b - '0');
            t->i++;
            if (a <= '3' && d >= '0' && d <= '7') {
                v = v * 8 + (d - '0');
                t->i++;
            }
        }
        return v;
    }
    case 'x': {
        t->i++;
        if (peek(t, 0) == '{') {
            size_t j = 1;
            long v = 0;
            while (hex_val(peek(t, j)) >= 0) {
                v = v * 16 + hex_val(peek(t, j));
                if (v > 0x10FFFF)
                    return tr_fail(t, bs, "Hexadecimal codepoint is too big"), -2;
                j++;
            }
            if (j == 1 || peek(t, j) != '}')
                return tr_fail(t, bs, "Unclosed hexadecimal escape sequence"), -2;
            t->i += j + 1;
            if (v >= 0xD800 && v < 0xE000)
                return tr_fail(t, bs, "a surrogate code point (\\x{%lx}) is not supported", v), -2;
            return v;
        }
        if (hex_val(peek(t, 0)) < 0 || hex_val(peek(t, 1)) < 0)
            return tr_fail(t, t->i + (hex_val(peek(t, 0)) < 0 ? 0 : 1), "Illegal hexadecimal escape sequence"), -2;
        long v = hex_val(peek(t, 0)) * 16 + hex_val(peek(t, 1));
        t->i += 2;
        return v;
    }
    case 'u': {
        t->i++;
        long v = 0;
        for (int j = 0; j < 4; j++) {
            if (hex_val(peek(t, j)) < 0)
                return tr_fail(t, bs, "Illegal Unicode escape sequence"), -2;
            v = v * 16 + hex_val(peek(t, j));
        }
        t->i += 4;
        if (v >= 0xD800 && v < 0xDC00 && peek(t, 0) == '\\' && peek(t, 1) == 'u') {
            long lo = 0;
            for (int j = 2; j < 6; j++)
                lo = hex_val(peek(t, j)) < 0 ? -1 : lo < 0 ? -1 : lo * 16 + hex_val(peek(t, j));
            if (lo >= 0xDC00 && lo < 0xE000) {
                t->i += 6;
                return 0x10000 + ((v - 0xD800) << 10) + (lo - 0xDC00);
            }
        }
        if (v >= 0xD800 && v < 0xE000)
            return tr_fail(t, bs, "a lone surrogate (\\u%04lx) is not supported", v), -2;
        return v;
    }
    case 'c':
        if (peek(t, 1) < 0)
            return tr_fail(t, bs, "Illegal control escape sequence"), -2;
        t->i++;
        return (long)(next_cp(t) ^ 64);
    default:
        if (c < 0)
            return tr_fail(t, t->n, "Unexpected internal error"), -2;
        if (is_alpha(c) || is_digit(c))
            return -1;
        return (long)next_cp(t); /* an escaped non-letter is itself */
    }
}

/* ---- \p{...} ---- */

static const char *const categories[] = {
    "Cn", "Lu", "Ll", "Lt", "Lm", "Lo", "Mn", "Me", "Mc", "Nd", "Nl", "No", "Zs", "Zl", "Zp",
    "Cc", "Cf", "Co", "Cs", "Pd", "Ps", "Pe", "Pc", "Po", "Sm", "Sc", "Sk", "So", "Pi", "Pf",
    "L",  "M",  "N",  "Z",  "C",  "P",  "S"};

/* CharPredicates.forProperty(name, caseIns) for the names PCRE2 can say: categories and
   the POSIX ASCII classes.  Writes the fragment into buf (for \p and \P). */
static bool prop_named(const char *name, bool case_ins, char *buf, size_t bn, char *nbuf, size_t nn)
{
    static const struct {
        const char *name, *frag;
    } posix[] = {
        {"ASCII", "\\x{0}-\\x{7f}"},
        {"Alnum", "0-9A-Za-z"},
        {"Alpha", "A-Za-z"},
        {"Blank", " \\t"},
        {"Cntrl", "\\x{0}-\\x{1f}\\x{7f}"},
        {"Digit", "0-9"},
        {"Graph", "!-~"},
        {"Print", " -~"},
        {"Punct", "!-/:-@\\[-`{-~"},
        {"Space", " \\t\\n\\x{b}\\f\\r"},
        {"XDigit", "0-9A-Fa-f"},
        {"L1", "\\x{0}-\\x{ff}"},
        {"all", "\\x{0}-\\x{10ffff}"},
        {"LD", "\\p{L}\\p{Nd}"},
        {"LC", "\\p{L&}"},
    };
    if (strcmp(name, "Lower") == 0 || strcmp(name, "Upper") == 0)
        name = case_ins ? "Alpha" : name[0] == 'L' ? "lower" : "upper";
    if (strcmp(name, "lower") == 0 || strcmp(name, "upper") == 0) {
        snprintf(buf, bn, "%s", name[0] == 'l' ? "a-z" : "A-Z");
        nbuf[0] = '\0';
        return true;
    }
    if (case_ins && (strcmp(name, "Lu") == 0 || strcmp(name, "Ll") == 0 || strcmp(name, "Lt") == 0))
        name = "LC";
    for (size_t i = 0; i < sizeof posix / sizeof posix[0]; i++)
        if (strcmp(name, posix[i].name) == 0) {
            snprintf(buf, bn, "%s", posix[i].frag);
            nbuf[0] = '\0'; /* the negation has no class fragment but the two-letter forms */
            if (strcmp(name, "LC") == 0)
                snprintf(nbuf, nn, "\\P{L&}");
            return true;
        }
    for (size_t i = 0; i < sizeof categories / sizeof categories[0]; i++)
        if (strcmp(name, categories[i]) == 0) {
            snprintf(buf, bn, "\\p{%s}", name);
            snprintf(nbuf, nn, "\\P{%s}", name);
            return true;
        }
    return false;
}

static bool script_name_ok(const char *s)
{
    if (!*s)
        return false;
    for (; *s; s++)
        if (!is_alpha((unsigned char)*s) && *s != '_' && *s != ' ' && *s != '-')
            return false;
    return true;
}

/* \p or \P at t->i (at the letter).  Writes a class fragment to frag; *negate: the
   escape means its complement, which frag already says when *negate comes back false,
   else the caller writes [^frag] (impossible inside a class).  False after an error. */
static bool prop_escape(Tr *t, size_t bs, char *frag, size_t fn, bool *negated)
{
    bool negate = peek(t, 0) == 'P';
    char name[64];
    t->i++;
    if (peek(t, 0) == '{') {
        size_t j = 1;
        while (peek(t, j) >= 0 && peek(t, j) != '}')
            j++;
        if (peek(t, j) != '}')
            return tr_fail(t, bs, "Unclosed character family");
        if (j - 1 >= sizeof name || j == 1)
            return tr_fail(t, bs, "Illegal character family name");
        memcpy(name, t->p + t->i + 1, j - 1);
        name[j - 1] = '\0';
        t->i += j + 1;
    } else if (peek(t, 0) >= 0 && is_alpha(peek(t, 0))) {
        name[0] = t->p[t->i++];
        name[1] = '\0';
    } else {
        return tr_fail(t, bs, "Illegal character family");
    }
    if (name[0] == '^') { /* \p{^L}: Java 9+ negation */
        negate = !negate;
        memmove(name, name + 1, strlen(name));
    }
    char pos[96], neg[96];
    bool case_ins = (t->flags & F_I) != 0;
    const char *eq = strchr(name, '=');
    bool ok = false;
    if (eq) {
        size_t kn = (size_t)(eq - name);
        const char *v = eq + 1;
        if ((kn == 2 && memcmp(name, "gc", 2) == 0) || (kn == 16 && memcmp(name, "general_category", 16) == 0)) {
            ok = prop_named(v, case_ins, pos, sizeof pos, neg, sizeof neg) &&
                 neg[0] == '\\' && pos[0] == '\\' && pos[1] == 'p';
        } else if ((kn == 2 && memcmp(name, "sc", 2) == 0) || (kn == 6 && memcmp(name, "script", 6) == 0)) {
            ok = script_name_ok(v);
            snprintf(pos, sizeof pos, "\\p{sc:%s}", v);
            snprintf(neg, sizeof neg, "\\P{sc:%s}", v);
        } else if ((kn == 3 && memcmp(name, "blk", 3) == 0) || (kn == 5 && memcmp(name, "block", 5) == 0)) {
            return tr_fail(t, bs, "Unicode blocks (\\p{%s}) are not supported", name);
        } else {
            return tr_fail(t, bs, "Unknown Unicode property {name=<%.*s>, value=<%s>}", (int)kn, name, v);
        }
    } else if (strncmp(name, "In", 2) == 0) {
        return tr_fail(t, bs, "Unicode blocks (\\p{%s}) are not supported", name);
    } else if (strncmp(name, "java", 4) == 0) {
        return tr_fail(t, bs, "\\p{%s} is not supported", name);
    } else if (strncmp(name, "Is", 2) == 0) {
        /* Java: a binary property, else a category, else a script */
        const char *v = name + 2;
        bool cat = false;
        for (size_t i = 0; i < sizeof categories / sizeof categories[0]; i++)
            cat = cat || strcmp(v, categories[i]) == 0;
        if (cat || strcmp(v, "LC") == 0) {
            ok = prop_named(v, case_ins, pos, sizeof pos, neg, sizeof neg);
        } else if (script_name_ok(v)) {
            static const char *const binary[] = {
                "alphabetic", "ideographic", "letter", "lowercase", "uppercase", "titlecase",
                "punctuation", "control", "white_space", "whitespace", "digit", "hex_digit",
                "hexdigit", "join_control", "joincontrol", "noncharactercodepoint", "assigned",
                "emoji", "emoji_presentation", "emoji_modifier", "emoji_modifier_base",
                "emoji_component", "extended_pictographic", "alnum", "blank", "graph", "print", "word"};
            char low[64];
            size_t k = 0;
            for (; v[k] && k + 1 < sizeof low; k++)
                low[k] = (char)(v[k] >= 'A' && v[k] <= 'Z' ? v[k] + 32 : v[k]);
            low[k] = '\0';
            for (size_t i = 0; i < sizeof binary / sizeof binary[0]; i++)
                if (strcmp(low, binary[i]) == 0)
                    return tr_fail(t, bs, "the Unicode binary property \\p{%s} is not supported", name);
            ok = true;
            snprintf(pos, sizeof pos, "\\p{sc:%s}", v);
            snprintf(neg, sizeof neg, "\\P{sc:%s}", v);
        }
    } else {
        ok = prop_named(name, case_ins, pos, sizeof pos, neg, sizeof neg);
    }
    if (!ok)
        return tr_fail(t, t->i - 1, "Unknown character property name {%s}", name);
    *negated = negate && !neg[0];
    snprintf(frag, fn, "%s", negate && neg[0] ? neg : pos);
    return true;
}

/* ---- character classes ---- */

/* Add the case partners of the ASCII letters in [lo, hi] (ASCII-only (?i)). */
static void class_fold(Tr *t, uint32_t lo, uint32_t hi, size_t from)
{
    uint32_t a = lo > 'a' ? lo : 'a', b = hi < 'z' ? hi : 'z';
    if (a <= b) {
        char buf[16];
        snprintf(buf, sizeof buf, "%c-%c", (char)(a - 32), (char)(b - 32));
        puts_at(t, buf, from);
    }
    a = lo > 'A' ? lo : 'A', b = hi < 'Z' ? hi : 'Z';
    if (a <= b) {
        char buf[16];
        snprintf(buf, sizeof buf, "%c-%c", (char)(a + 32), (char)(b + 32));
        puts_at(t, buf, from);
    }
}

/* One class member that is a single character: a literal or a character escape.  The
   code point; -1 when it is a class escape (frag filled); -2 after an error. */
static long class_atom(Tr *t, char *frag, size_t fn, bool *quoted)
{
    size_t at = t->i;
    frag[0] = '\0';
    if (*quoted) {
        if (peek(t, 0) == '\\' && peek(t, 1) == 'E') {
            *quoted = false;
            t->i += 2;
            return -3; /* nothing */
        }
        return (long)next_cp(t);
    }
    if (peek(t, 0) != '\\')
        return (long)next_cp(t);
    t->i++;
    int c = peek(t, 0);
    if (c == 'Q') {
        *quoted = true;
        t->i++;
        return -3;
    }
    if (c == 'd' || c == 'D' || c == 's' || c == 'S' || c == 'w' || c == 'W' || c == 'h' ||
        c == 'H' || c == 'v' || c == 'V') {
        snprintf(frag, fn, "\\%c", c);
        t->i++;
        return -1;
    }
    if (c == 'p' || c == 'P') {
        bool negated;
        if (!prop_escape(t, at, frag, fn, &negated))
            return -2;
        if (negated)
            return tr_fail(t, at, "\\P{...} of this property inside a character class is not supported"), -2;
        return -1;
    }
    long v = char_escape(t, at);
    if (v == -1)
        return tr_fail(t, at + 1, "Illegal/unsupported escape sequence"), -2;
    return v;
}

static bool tr_class(Tr *t)
{
    size_t open = t->i++;
    bool quoted = false, first = true;
    puts_at(t, "[", open);
    if (peek(t, 0) == '^') {
        puts_at(t, "^", t->i);
        t->i++;
    }
    for (;;) {
        if (t->i >= t->n)
            return tr_fail(t, t->n ? t->n - 1 : 0, "Unclosed character class");
        size_t at = t->i;
        int c = peek(t, 0);
        if (!quoted) {
            if (c == ']' && !first) {
                t->i++;
                puts_at(t, "]", at);
                return !t->failed;
            }
            if (c == '[')
                return tr_fail(t, at, "nested character classes (class union) are not supported");
            if (c == '&' && peek(t, 1) == '&')
                return tr_fail(t, at, "character class intersection (&&) is not supported");
        }
        first = false;
        char frag[96];
        long lo = class_atom(t, frag, sizeof frag, &quoted);
        if (lo == -2)
            return false;
        if (lo == -3)
            continue;
        if (lo == -1) {
            puts_at(t, frag, at);
            continue;
        }
        long hi = lo;
        if (!quoted && peek(t, 0) == '-' && peek(t, 1) < 0)
            return tr_fail(t, t->n, "Illegal character range");
        if (!quoted && peek(t, 0) == '-' && peek(t, 1) != ']' && peek(t, 1) != '[') {
            size_t dash = t->i++;
            bool q2 = false;
            hi = class_atom(t, frag, sizeof frag, &q2);
            if (hi == -2)
                return false;
            if (hi < 0 || q2)
                return tr_fail(t, dash, "Illegal character range");
            if (hi < lo)
                return tr_fail(t, t->i - 1, "Illegal character range");
        }
        char buf[40];
        snprintf(buf, sizeof buf, "\\x{%lx}-\\x{%lx}", lo, hi);
        puts_at(t, buf, at);
        if (ascii_fold(t))
            class_fold(t, (uint32_t)lo, (uint32_t)hi, at);
    }
}

/* ---- groups, escapes, anchors ---- */

static bool name_char(int c, bool first) { return is_alpha(c) || (!first && is_digit(c)); }

/* A Java group name at t->i, ended by '>' (consumed); false after an error. */
static bool group_name(Tr *t, size_t at, char *name, size_t nn)
{
    size_t k = 0;
    while (peek(t, 0) >= 0 && name_char(peek(t, 0), k == 0)) {
        if (k + 1 >= nn)
            return tr_fail(t, at, "capturing group name is too long");
        name[k++] = t->p[t->i++];
    }
    name[k] = '\0';
    if (k == 0)
        return tr_fail(t, t->i, "capturing group name does not start with a Latin letter");
    if (peek(t, 0) != '>')
        return tr_fail(t, t->i, "named capturing group is missing trailing '>'");
    t->i++;
    return true;
}

static const char *dollar(int flags)
{
    if (flags & F_D)
        return flags & F_M ? "(?=\\n|\\z)" : "(?=\\n?\\z)";
    return flags & F_M ? "(?:(?=[\\n\\r\\x{85}\\x{2028}\\x{2029}]|\\z)(?!(?<=\\r)\\n))"
                       : "(?:(?=(?:\\r\\n|[\\n\\r\\x{85}\\x{2028}\\x{2029}])?\\z)(?!(?<=\\r)\\n))";
}

static const char *caret(int flags)
{
    if (!(flags & F_M))
        return "\\A";
    if (flags & F_D)
        return "(?:(?:\\A|(?<=\\n))(?!\\z))";
    return "(?:(?:\\A|(?<=[\\n\\r\\x{85}\\x{2028}\\x{2029}]))(?!(?<=\\r)\\n)(?!\\z))";
}

/* Emit the PCRE2 caseless switch that goes with Java flags f (Unicode folding only). */
static const char *pcre_case(int f) { return (f & (F_I | F_U)) == (F_I | F_U) ? "i" : "-i"; }

/* A '(' at t->i: a group (its flags pushed, restored at its ')'), or an inline flag
   group (?idmsux-idmsux) that changes t->flags.  False after an error. */
static bool tr_group_open(Tr *t)
{
    size_t at = t->i;
    if (t->depth >= MAX_DEPTH)
        return tr_fail(t, at, "groups nested too deeply");
    int saved = t->flags;
    if (peek(t, 1) == '*')
        return tr_fail(t, at + 1, "Dangling meta character '*'");
    if (peek(t, 1) != '?') {
        t->i++;
        t->groups++;
        puts_at(t, "(", at);
        t->stack[t->depth++] = saved;
        return true;
    }
    int c = peek(t, 2);
    switch (c) {
    case ':':
    case '=':
    case '!':
    case '>': {
        char b[4] = {'(', '?', (char)c, 0};
        puts_at(t, b, at);
        t->i += 3;
        t->stack[t->depth++] = saved;
        return true;
    }
    case '<':
        if (peek(t, 3) == '=' || peek(t, 3) == '!') {
            char b[5] = {'(', '?', '<', (char)peek(t, 3), 0};
            puts_at(t, b, at);
            t->i += 4;
            t->stack[t->depth++] = saved;
            return true;
        } else {
            char name[33];
            t->i += 3;
            if (!group_name(t, at, name, sizeof name))
                return false;
            for (int k = 0; k < t->n_names; k++)
                if (strcmp(t->names[k], name) == 0)
                    return tr_fail(t, t->i - 1, "Named capturing group <%s> is already defined", name);
            if (t->n_names == (int)(sizeof t->names / sizeof t->names[0]))
                return tr_fail(t, at, "too many named groups");
            strcpy(t->names[t->n_names++], name);
            t->groups++;
            puts_at(t, "(?<", at);
            puts_at(t, name, at);
            puts_at(t, ">", at);
            t->stack[t->depth++] = saved;
            return true;
        }
    default:
        break;
    }
    /* inline flags: (?idmsux-idmsux) or (?idmsux-idmsux:X) */
    t->i += 2;
    bool neg = false;
    int f = t->flags;
    for (;;) {
        int ch = peek(t, 0);
        int bit = ch == 'i' ? F_I : ch == 'd' ? F_D : ch == 'm' ? F_M : ch == 's' ? F_S : ch == 'u' ? F_U : 0;
        if (bit) {
            f = neg ? f & ~bit : f | bit;
        } else if (ch == 'x' || ch == 'U') {
            if (!neg)
                return tr_fail(t, t->i, ch == 'x' ? "the COMMENTS flag (?x) is not supported"
                                                   : "the UNICODE_CHARACTER_CLASS flag (?U) is not supported");
        } else if (ch == '-' && !neg) {
            neg = true;
        } else if (ch == ')' || ch == ':') {
            break;
        } else {
            return tr_fail(t, t->i, "Unknown inline modifier");
        }
        t->i++;
    }
    bool scoped = peek(t, 0) == ':';
    t->i++;
    char b[8];
    if (scoped) {
        snprintf(b, sizeof b, "(?%s:", pcre_case(f));
        puts_at(t, b, at);
        t->stack[t->depth++] = saved;
    } else {
        snprintf(b, sizeof b, "(?%s)", pcre_case(f));
        puts_at(t, b, at);
    }
    t->flags = f;
    return true;
}

/* A back reference \n at t->i (at the first digit): Java's rule takes more digits while
   the number stays within the groups opened so far. */
static bool tr_backref(Tr *t, size_t bs)
{
    if (ascii_fold(t))
        return tr_fail(t, bs, "a back reference under (?i) without (?u) (ASCII-only case folding) is not supported");
    int ref = peek(t, 0) - '0';
    t->i++;
    while (is_digit(peek(t, 0)) && ref * 10 + (peek(t, 0) - '0') <= t->groups) {
        ref = ref * 10 + (peek(t, 0) - '0');
        t->i++;
    }
    char b[24];
    if (ref > t->total) /* Java: a group that does not exist never matches */
        snprintf(b, sizeof b, "(?!)");
    else
        snprintf(b, sizeof b, "\\g{%d}", ref);
    puts_at(t, b, bs);
    return true;
}

/* A backslash outside a class at t->i.  *atom: it can take a quantifier. */
static bool tr_escape(Tr *t, bool *atom)
{
    size_t bs = t->i++;
    int c = peek(t, 0);
    *atom = true;
    char frag[96];
    switch (c) {
    case 'R':
        /* Java's LineEnding backtracks from \r\n to \r, but not inside a repetition of
           it (Curly retries counts only); PCRE2's \R is always atomic */
        t->i++;
        puts_at(t, peek(t, 0) >= 0 && strchr("*+?{", peek(t, 0)) ? "(?>" : "(?:", bs);
        puts_at(t, "\\r\\n|[\\n\\x{b}\\f\\r\\x{85}\\x{2028}\\x{2029}])", bs);
        return true;
    case 'd': case 'D': case 's': case 'S': case 'w': case 'W':
    case 'h': case 'H': case 'v': case 'V': case 'A': case 'z': {
        char b[3] = {'\\', (char)c, 0};
        puts_at(t, b, bs);
        t->i++;
        *atom = c != 'A' && c != 'z';
        return true;
    }
    case 'Z':
        puts_at(t, dollar(t->flags & ~F_M), bs);
        t->i++;
        return true;
    case 'b':
    case 'B':
        if (peek(t, 1) == '{')
            return tr_fail(t, bs, "\\b{g} is not supported");
        puts_at(t, c == 'b' ? "(?:(?C1))" : "(?:(?C2))", bs);
        t->bound = true;
        t->i++;
        return true;
    case 'p':
    case 'P': {
        bool negated;
        if (!prop_escape(t, bs, frag, sizeof frag, &negated))
            return false;
        /* Java tests a property without case folding (caseIns only picks the predicate) */
        puts_at(t, (t->flags & (F_I | F_U)) == (F_I | F_U) ? "(?-i:" : "(?:", bs);
        puts_at(t, negated ? "[^" : "[", bs);
        puts_at(t, frag, bs);
        puts_at(t, "])", bs);
        return true;
    }
    case 'k': {
        char name[33];
        if (peek(t, 1) != '<')
            return tr_fail(t, bs, "\\k is not followed by '<' for named capturing group");
        t->i += 2;
        if (!group_name(t, bs, name, sizeof name))
            return false;
        bool known = false;
        for (int k = 0; k < t->n_names; k++)
            known = known || strcmp(t->names[k], name) == 0;
        if (!known)
            return tr_fail(t, t->i - 1, "named capturing group <%s> does not exist", name);
        if (ascii_fold(t))
            return tr_fail(t, bs, "a back reference under (?i) without (?u) (ASCII-only case folding) is not supported");
        puts_at(t, "\\k<", bs);
        puts_at(t, name, bs);
        puts_at(t, ">", bs);
        return true;
    }
    case 'G':
        return tr_fail(t, bs, "\\G is not supported");
    case 'X':
        return tr_fail(t, bs, "\\X is not supported");
    case 'N':
        return tr_fail(t, bs, "\\N{name} is not supported");
    case 'Q':
        return true; /* the caller reads the quoted text */
    default:
        break;
    }
    if (c >= '1' && c <= '9')
        return tr_backref(t, bs);
    long v = char_escape(t, bs);
    if (v == -2)
        return false;
    if (v == -1)
        return tr_fail(t, bs + 1, "Illegal/unsupported escape sequence");
    emit_char(t, (uint32_t)v, bs);
    return true;
}

/* Java's counted closure {n}, {n,}, {n,m} at t->i. */
static bool tr_counted(Tr *t)
{
    size_t at = t->i;
    size_t j = 1;
    if (!is_digit(peek(t, j)))
        return tr_fail(t, at + 1, "Illegal repetition");
    long lo = 0, hi;
    while (is_digit(peek(t, j))) {
        lo = lo * 10 + (peek(t, j++) - '0');
        if (lo > 65535)
            return tr_fail(t, at, "a repetition count above 65535 is not supported");
    }
    hi = lo;
    if (peek(t, j) == ',') {
        j++;
        hi = -1;
        if (is_digit(peek(t, j))) {
            hi = 0;
            while (is_digit(peek(t, j))) {
                hi = hi * 10 + (peek(t, j++) - '0');
                if (hi > 65535)
                    return tr_fail(t, at, "a repetition count above 65535 is not supported");
            }
        }
    }
    if (peek(t, j) != '}')
        return tr_fail(t, at + j, "Unclosed counted closure");
    if (hi >= 0 && hi < lo)
        return tr_fail(t, at + j, "Illegal repetition range");
    put(t, t->p + at, j + 1, at);
    t->i += j + 1;
    return true;
}

static bool translate(Tr *t)
{
    bool can_quantify = false, quoted = false;
    while (t->i < t->n && !t->failed) {
        size_t at = t->i;
        int c = peek(t, 0);
        if (quoted) {
            if (c == '\\' && peek(t, 1) == 'E') {
                quoted = false;
                t->i += 2;
                continue;
            }
            emit_char(t, next_cp(t), at);
            can_quantify = true;
            continue;
        }
        switch (c) {
        case '\\':
            t->literal = t->literal && peek(t, 1) >= 0 && !is_alpha(peek(t, 1)) && !is_digit(peek(t, 1));
            if (peek(t, 1) == 'Q') {
                quoted = true;
                t->i += 2;
                continue;
            }
            if (peek(t, 1) == 'E')
                return tr_fail(t, at + 1, "Illegal/unsupported escape sequence");
            if (!tr_escape(t, &can_quantify))
                return false;
            continue;
        case '[':
            t->literal = false;
            if (!tr_class(t))
                return false;
            can_quantify = true;
            continue;
        case '(':
            t->literal = false;
            if (!tr_group_open(t))
                return false;
            can_quantify = false;
            continue;
        case ')':
            t->literal = false;
            if (t->depth == 0)
                return tr_fail(t, at ? at - 1 : 0, "Unmatched closing ')'");
            t->flags = t->stack[--t->depth];
            puts_at(t, ")", at);
            t->i++;
            can_quantify = true;
            continue;
        case '*':
        case '+':
        case '?':
        case '{':
            t->literal = false;
            if (!can_quantify)
                return tr_fail(t, at, "Dangling meta character '%c'", c);
            if (c == '{') {
                if (!tr_counted(t))
                    return false;
            } else {
                char b[2] = {(char)c, 0};
                puts_at(t, b, at);
                t->i++;
            }
            if (peek(t, 0) == '?' || peek(t, 0) == '+') {
                char b[2] = {(char)peek(t, 0), 0};
                puts_at(t, b, t->i);
                t->i++;
            }
            can_quantify = false;
            continue;
        case '.':
            t->literal = false;
            puts_at(t, t->flags & F_S ? "(?s:.)" : t->flags & F_D ? "[^\\n]" : "[^\\n\\r\\x{85}\\x{2028}\\x{2029}]", at);
            t->i++;
            can_quantify = true;
            continue;
        case '^':
            t->literal = false;
            puts_at(t, caret(t->flags), at);
            t->i++;
            can_quantify = true;
            continue;
        case '$':
            t->literal = false;
            puts_at(t, dollar(t->flags), at);
            t->i++;
            can_quantify = true;
            continue;
        case '|':
            t->literal = false;
            puts_at(t, "|", at);
            t->i++;
            can_quantify = false;
            continue;
        default:
            emit_char(t, next_cp(t), at);
            can_quantify = true;
            continue;
        }
    }
    if (t->failed)
        return false;
    if (t->depth)
        return tr_fail(t, t->n, "Unclosed group");
    return true;
}

/* ======================================================================
** Compile, match
** ====================================================================== */

/* Java's Bound word test at byte offset at (the start of a code point in s[0, n)):
   1 letter or digit, 2 '_', 3 non-spacing mark, 0 other. */
static int word_kind(CmRegex *re, const char *s, size_t n, size_t at)
{
    int c = (unsigned char)s[at];
    if (c < 0x80)
        return is_alpha(c) || is_digit(c) ? 1 : c == '_' ? 2 : 0;
    int rc = pcre2_match(re->wordcls, (PCRE2_SPTR)s, n, at, PCRE2_ANCHORED, re->wmd, NULL);
    if (rc < 0)
        return 0;
    return rc == 2 ? 1 : rc == 3 ? 2 : 3;
}

static size_t prev_cp(const char *s, size_t at)
{
    do
        at--;
    while (at > 0 && ((unsigned char)s[at] & 0xC0) == 0x80);
    return at;
}

/* Pattern.Bound.isWord, with hasBaseCharacter for a non-spacing mark. */
static bool word_at(CmRegex *re, const char *s, size_t n, size_t at)
{
    int k = word_kind(re, s, n, at);
    if (k == 1 || k == 2)
        return true;
    while (k == 3) {
        if (at == 0)
            return false;
        at = prev_cp(s, at);
        k = word_kind(re, s, n, at);
        if (k == 1)
            return true;
    }
    return false;
}

static int bound_callout(pcre2_callout_block *cb, void *data)
{
    CmRegex *re = data;
    const char *s = (const char *)cb->subject;
    size_t n = cb->subject_length, at = cb->current_position;
    bool left = at > 0 && word_at(re, s, n, prev_cp(s, at));
    bool right = at < n && word_at(re, s, n, at);
    bool boundary = left != right;
    return (cb->callout_number == 1) == boundary ? 0 : 1;
}

void cm_regex_free(CmRegex *re)
{
    if (!re)
        return;
    pcre2_match_data_free(re->md);
    pcre2_match_context_free(re->mc);
    pcre2_code_free(re->code);
    pcre2_match_data_free(re->wmd);
    pcre2_code_free(re->wordcls);
    free(re->lit);
    free(re);
}

static CmRegex *compile_fail(CmRegex *re, Tr *t)
{
    free(t->out);
    free(t->at);
    cm_regex_free(re);
    return NULL;
}

CmRegex *cm_regex_compile(const char *pat, size_t n, char *err, size_t err_n)
{
    /* Two passes: the first counts the groups, which Java's back references need. */
    Tr t = {.p = pat, .n = n, .err = err, .err_n = err_n, .literal = true, .total = INT32_MAX};
    CmRegex *re = calloc(1, sizeof *re);
    if (!re) {
        snprintf(err, err_n, "out of memory");
        return NULL;
    }
    if (!translate(&t))
        return compile_fail(re, &t);
    int total = t.groups;
    free(t.out);
    free(t.at);
    t = (Tr){.p = pat, .n = n, .err = err, .err_n = err_n, .literal = true, .total = total};
    puts_at(&t, "", 0);
    if (!translate(&t))
        return compile_fail(re, &t);
    if (t.literal) {
        /* plain text: its bytes, escapes resolved */
        re->lit = malloc(n + 1);
        if (!re->lit) {
            snprintf(err, err_n, "out of memory");
            return compile_fail(re, &t);
        }
        for (size_t i = 0; i < n; i++) {
            if (pat[i] == '\\')
                i++;
            re->lit[re->lit_n++] = pat[i];
        }
        free(t.out);
        free(t.at);
        return re;
    }
    /* PCRE2 10.42's start-of-match and auto-possessify optimisations lose matches that
       java.util.regex finds ((?=c)\D*c on "bbc"; \S*?\v, where non-ASCII \v characters
       are also \S), and they would skip the \b callout: both are off. */
    int ec;
    PCRE2_SIZE eo;
    re->code = pcre2_compile((PCRE2_SPTR)t.out, t.len,
                             PCRE2_UTF | PCRE2_MATCH_INVALID_UTF | PCRE2_NEVER_BACKSLASH_C |
                                 PCRE2_NEVER_UCP | PCRE2_NO_START_OPTIMIZE | PCRE2_NO_AUTO_POSSESS,
                             &ec, &eo, NULL);
    if (!re->code) {
        PCRE2_UCHAR msg[160];
        pcre2_get_error_message(ec, msg, sizeof msg);
        size_t at = eo < t.len ? t.at[eo] : n;
        snprintf(err, err_n, "%s near index %zu", (const char *)msg, utf16_index(pat, n, at));
        return compile_fail(re, &t);
    }
    free(t.out);
    free(t.at);
    t.out = NULL;
    t.at = NULL;
    uint32_t cc = 0;
    pcre2_pattern_info(re->code, PCRE2_INFO_CAPTURECOUNT, &cc);
    re->groups = (int)cc;
    re->md = pcre2_match_data_create_from_pattern(re->code, NULL);
    re->mc = pcre2_match_context_create(NULL);
    if (!re->md || !re->mc) {
        snprintf(err, err_n, "out of memory");
        return compile_fail(re, &t);
    }
    if (t.bound) {
        static const char word[] = "([\\p{L}\\p{Nd}])|(_)|(\\p{Mn})";
        re->wordcls = pcre2_compile((PCRE2_SPTR)word, sizeof word - 1,
                                    PCRE2_UTF | PCRE2_MATCH_INVALID_UTF, &ec, &eo, NULL);
        re->wmd = re->wordcls ? pcre2_match_data_create_from_pattern(re->wordcls, NULL) : NULL;
        if (!re->wmd) {
            snprintf(err, err_n, "out of memory");
            return compile_fail(re, &t);
        }
        pcre2_set_callout(re->mc, bound_callout, re);
    }
    return re;
}

int cm_regex_groups(const CmRegex *re) { return re->groups; }

int cm_regex_find(CmRegex *re, const char *s, size_t n, size_t from, const size_t **ov,
                  char *err, size_t err_n)
{
    if (from > n)
        return 0;
    if (!re->code) {
        re->lit_ov[0] = re->lit_ov[1] = CM_REGEX_UNSET;
        *ov = re->lit_ov;
        if (from > n || re->lit_n > n - from)
            return 0;
        const char *hit = re->lit_n ? memmem(s + from, n - from, re->lit, re->lit_n) : s + from;
        if (!hit)
            return 0;
        re->lit_ov[0] = (size_t)(hit - s);
        re->lit_ov[1] = re->lit_ov[0] + re->lit_n;
        return 1;
    }
    int rc = pcre2_match(re->code, (PCRE2_SPTR)(n ? s : ""), n, from, 0, re->md, re->mc);
    *ov = pcre2_get_ovector_pointer(re->md);
    if (rc == PCRE2_ERROR_NOMATCH)
        return 0;
    if (rc < 0) {
        PCRE2_UCHAR msg[160];
        pcre2_get_error_message(rc, msg, sizeof msg);
        snprintf(err, err_n, "regular expression match failed: %s", (const char *)msg);
        return -1;
    }
    return 1;
}

/* ======================================================================
** Replacement strings (Matcher.appendExpandedReplacement)
** ====================================================================== */

static int group_number(const CmRegex *re, const char *name)
{
    if (!re->code)
        return -1;
    int g = pcre2_substring_number_from_name(re->code, (PCRE2_SPTR)name);
    return g > 0 ? g : -1;
}

static size_t utf8_len(unsigned char c) { return c < 0xC0 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4; }

int cm_regex_expand(const CmRegex *re, const char *rep, size_t n, const char *s,
                    const size_t *ov, CmRegexPut put_fn, void *ctx, char *err, size_t err_n)
{
    size_t i = 0;
    while (i < n) {
        char c = rep[i];
        if (c == '\\') {
            if (++i == n) {
                snprintf(err, err_n, "character to be escaped is missing");
                return -1;
            }
            size_t k = utf8_len((unsigned char)rep[i]);
            k = k > n - i ? n - i : k;
            if (ov)
                put_fn(ctx, rep + i, k);
            i += k;
            continue;
        }
        if (c != '$') {
            size_t j = i + 1;
            while (j < n && rep[j] != '\\' && rep[j] != '$')
                j++;
            if (ov)
                put_fn(ctx, rep + i, j - i);
            i = j;
            continue;
        }
        if (++i == n) {
            snprintf(err, err_n, "Illegal group reference: group index is missing");
            return -1;
        }
        int g;
        if (rep[i] == '{') {
            char name[64];
            size_t k = 0;
            i++;
            while (i < n && (is_alpha(rep[i]) || is_digit(rep[i]))) {
                if (k + 1 < sizeof name)
                    name[k++] = rep[i];
                i++;
            }
            name[k] = '\0';
            if (k == 0) {
                snprintf(err, err_n, "named capturing group has 0 length name");
                return -1;
            }
            if (i >= n || rep[i] != '}') {
                snprintf(err, err_n, "named capturing group is missing trailing '}'");
                return -1;
            }
            if (is_digit(name[0])) {
                snprintf(err, err_n, "capturing group name {%s} starts with digit character", name);
                return -1;
            }
            if ((g = group_number(re, name)) < 0) {
                snprintf(err, err_n, "No group with name {%s}", name);
                return -1;
            }
            i++;
        } else {
            if (!is_digit(rep[i])) {
                snprintf(err, err_n, "Illegal group reference");
                return -1;
            }
            g = rep[i++] - '0';
            while (i < n && is_digit(rep[i]) && g * 10 + (rep[i] - '0') <= re->groups)
                g = g * 10 + (rep[i++] - '0');
            if (g > re->groups) {
                snprintf(err, err_n, "No group %d", g);
                return -1;
            }
        }
        if (ov && ov[2 * g] != CM_REGEX_UNSET)
            put_fn(ctx, s + ov[2 * g], ov[2 * g + 1] - ov[2 * g]);
    }
    return 0;
}
