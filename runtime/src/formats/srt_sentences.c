/* srt_sentences.c - sentences(str[, lang, country]): Spark 3.5's Sentences over Java's
** BreakIterator.
**
** Sentences.getSentences (stringExpressions.scala) splits the text with
** BreakIterator.getSentenceInstance(locale), splits each sentence with getWordInstance(locale)
** and keeps the words whose first UTF-16 char is Character.isLetterOrDigit.  The JDK's
** iterators are rule-based state machines built from sun.text.resources.BreakIteratorRules
** (SentenceBreakRules, WordBreakRules), the same for every locale but Thai (whose word
** iterator is dictionary-based: refused here).  This file applies those rules directly:
**
** Sentences (ignoring Mn, Me and Cf, which stay with the text before them): a break after a
** paragraph separator U+2029; after a danda and its spaces; after ! ? U+3002 U+FF01 U+FF1F
** and any terminators, periods and closing punctuation and spaces after them (and one
** U+2029); after a period (. U+FF0E), more periods and closing punctuation and spaces when
** what follows the spaces is a letter that is not lowercase, or (spaces optional) opening
** punctuation or other sentence-starting characters followed by a letter; else at the end.
**
** Words (ignoring Cf): letters (with their combining marks) joined by single mid-word
** characters (- _ ' " . and dash and connector punctuation), digits joined by single
** mid-number characters (' " , . U+066B), runs alternating the two (R2D2), a number's
** suffix (% & U+00A2 U+066A U+2030 U+2031), a prefix (currency, #, .) before a number; runs
** of whitespace, of katakana, of hiragana, of kanji; any other character with its combining
** marks; any other character alone.
*/
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "common/cm_utf8.h"
#include "srt_int.h"

/* ==== Character classes (BreakIteratorRules' sets over Character.getType) ==== */

static bool gc_in(uint32_t c, uint32_t mask)
{
    return (mask >> srt_char_gc(c) & 1u) != 0;
}

#define GC(x) (1u << SRT_GC_##x)
#define GC_LETTER (GC(LU) | GC(LL) | GC(LT) | GC(LM) | GC(LO))
#define GC_NUMBER (GC(ND) | GC(NL) | GC(NO))
#define GC_MARK (GC(MN) | GC(ME))

static bool is_kanji(uint32_t c)
{
    return c == 0x3005 || (c >= 0x4E00 && c <= 0x9FA5) || (c >= 0xF900 && c <= 0xFA2D);
}
static bool is_kata(uint32_t c)
{
    return (c >= 0x30A1 && c <= 0x30FA) || c == 0x30FD || c == 0x30FE;
}
static bool is_hira(uint32_t c)
{
    return (c >= 0x3041 && c <= 0x3094) || c == 0x309D || c == 0x309E;
}
static bool is_cjk_diacrit(uint32_t c)
{
    return (c >= 0x3099 && c <= 0x309C) || c == 0x30FB || c == 0x30FC;
}
static bool is_danda(uint32_t c)
{
    return c == 0x0964 || c == 0x0965;
}

/* WordBreakRules' <letter-base>, <digit-base>, <enclosing>, ... */
static bool w_let(uint32_t c)
{
    return gc_in(c, GC_LETTER | GC(MC)) && !is_kanji(c) && !is_kata(c) && !is_hira(c) &&
           !is_cjk_diacrit(c);
}
static bool w_dgt(uint32_t c)
{
    return gc_in(c, GC_NUMBER);
}
static bool w_enclosing(uint32_t c)
{
    return gc_in(c, GC_MARK);
}
static bool w_mid_word(uint32_t c)
{
    return gc_in(c, GC(PD) | GC(PC)) || c == 0x00AD || c == 0x2027 || c == '"' || c == '\'' ||
           c == '.';
}
static bool w_mid_num(uint32_t c)
{
    return c == '"' || c == '\'' || c == ',' || c == 0x066B || c == '.';
}
static bool w_pre_num(uint32_t c)
{
    return (gc_in(c, GC(SC)) || c == '#' || c == '.') && c != 0x00A2;
}
static bool w_post_num(uint32_t c)
{
    return c == '%' || c == '&' || c == 0x00A2 || c == 0x066A || c == 0x2030 || c == 0x2031;
}
static bool w_ls(uint32_t c)
{
    return c == '\n' || c == '\f' || c == 0x2028 || c == 0x2029;
}
static bool w_ws(uint32_t c)
{
    return gc_in(c, GC(ZS)) || c == '\t';
}
static bool w_base(uint32_t c)
{
    return !gc_in(c, GC_MARK | GC(CC) | GC(CF) | GC(ZL) | GC(ZP));
}

/* SentenceBreakRules' sets */
static bool s_ignore(uint32_t c)
{
    return gc_in(c, GC_MARK | GC(CF));
}
static bool s_letter(uint32_t c)
{
    return gc_in(c, GC_LETTER);
}
static bool s_space(uint32_t c)
{
    return c == '\t' || c == '\r' || c == '\f' || c == '\n' || c == 0x2028 || gc_in(c, GC(ZS));
}
static bool s_start(uint32_t c)
{
    return gc_in(c, GC(PS) | GC(PI)) || c == '"' || c == '\'';
}
static bool s_end(uint32_t c)
{
    return gc_in(c, GC(PE) | GC(PF)) || c == '"' || c == '\'';
}
static bool s_term(uint32_t c)
{
    return c == '!' || c == '?' || c == 0x3002 || c == 0xFF01 || c == 0xFF1F;
}
static bool s_period(uint32_t c)
{
    return c == '.' || c == 0xFF0E;
}
static bool s_sent_start(uint32_t c)
{
    return !s_letter(c) && !s_space(c) && !s_start(c) && !s_end(c) && !gc_in(c, GC_NUMBER) &&
           !s_term(c) && !s_period(c) && c != ',' && c != 0x2029 && !s_ignore(c);
}

/* ==== Sentences ==== */

static bool is_quote(uint32_t c)
{
    return c == '"' || c == '\'';
}

/* The end (an index of the text, raw[k] being f[k]'s) of the sentence starting at f[a] (at
   raw_a in the text), f[0, m) the text's code points without the ignored ones, as RuleBasedBreakIterator.handleNext runs the rules' state table:
   every position is a break candidate (.*?{\u2029}) but while a period's rules are pending;
   they end the sentence at their lookahead position, the last one passed (after the periods
   and closing punctuation, after the spaces), or fail on a character none of them takes, and
   scanning goes on from there (a period there is pending again).  Text that ends while they
   are pending breaks at the last candidate, before the first of the pending periods (one
   character at least), or at the end when the last character was a lookahead position. */
static uint32_t sentence_end(const uint32_t *f, uint32_t a, uint32_t m, const uint32_t *raw,
                             uint32_t raw_a, uint32_t raw_n)
{
#define RAW(k) ((k) < m ? raw[k] : raw_n)
    uint32_t acc = raw_a + 1; /* the last break candidate: handleNext advances one at least */
    for (uint32_t i = a; i < m;) {
        uint32_t c = f[i], j = i + 1;
        if (c == 0x2029)
            return RAW(j);
        if (is_danda(c)) {
            while (j < m && s_space(f[j]))
                j++;
            return RAW(j);
        }
        if (s_term(c)) {
            while (j < m && (s_term(f[j]) || s_period(f[j]) || s_end(f[j])))
                j++;
            while (j < m && s_space(f[j]))
                j++;
            return RAW(j < m && f[j] == 0x2029 ? j + 1 : j);
        }
        if (!s_period(c)) {
            i++;
            acc = RAW(i);
            continue;
        }
        while (j < m && (s_period(f[j]) || s_end(f[j])))
            j++;
        uint32_t k = j;
        while (k < m && s_space(f[k]))
            k++;
        /* .*?<period>[<period><end>]*<space><space>* / <notlc>; JDK's state table takes any
           letter after two spaces (a.  b breaks, a. b does not) */
        if (k > j && k < m && s_letter(f[k]) && (srt_char_gc(f[k]) != SRT_GC_LL || k >= j + 2))
            return RAW(k);
        uint32_t t = k;
        while (t < m && (s_start(f[t]) || s_sent_start(f[t])))
            t++;
        /* ... <space>* / [<start-punctuation><sent-start>]+ <letter>: a quote closing the
           periods' run (no space after it) may be the opening one */
        bool quoted = k == j && j > i + 1 && is_quote(f[j - 1]);
        if (t < m && s_letter(f[t]) && (t > k || quoted))
            return RAW(k);
        if (t == m) /* ran off the end while pending */
            return k == m ? raw_n : acc;
        /* JDK's state table stops on one such character after a quote or two spaces and
           breaks at the last candidate: x."(5 y and x.  (5 y, not x."((5 y nor x. (5 y */
        if ((quoted || k >= j + 2) && t == k + 1)
            return acc;
        i = t; /* f[t] fails the period's rules: the scan goes on with it */
    }
    return raw_n;
#undef RAW
}

/* ==== Words ==== */

static uint32_t skip_marks(const uint32_t *f, uint32_t j, uint32_t m)
{
    while (j < m && w_enclosing(f[j]))
        j++;
    return j;
}

/* unit+ (mid unit+)* at f[j] (a unit with its combining marks), its end (j if none) */
static uint32_t match_joined(const uint32_t *f, uint32_t j, uint32_t m, bool (*unit)(uint32_t),
                             bool (*mid)(uint32_t))
{
    if (j >= m || !unit(f[j]))
        return j;
    for (;;) {
        while (j < m && unit(f[j]))
            j = skip_marks(f, j + 1, m);
        if (j + 1 < m && mid(f[j]) && unit(f[j + 1]))
            j++;
        else
            return j;
    }
}

/* <word> = <let>+ (<mid-word> <let>+)* [<danda>] at f[j], its end (j if none) */
static uint32_t match_word(const uint32_t *f, uint32_t j, uint32_t m)
{
    uint32_t e = match_joined(f, j, m, w_let, w_mid_word);
    return e > j && e < m && is_danda(f[e]) ? e + 1 : e;
}

/* <number> = <dgt>+ (<mid-num> <dgt>+)* at f[j], its end (j if none) */
static uint32_t match_number(const uint32_t *f, uint32_t j, uint32_t m)
{
    return match_joined(f, j, m, w_dgt, w_mid_num);
}

/* (<number> <word>)* [<number> [<post-num>]] from f[j] */
static uint32_t numbers_and_words(const uint32_t *f, uint32_t j, uint32_t m)
{
    for (;;) {
        uint32_t nj = match_number(f, j, m);
        if (nj == j)
            return j;
        uint32_t wj = match_word(f, nj, m);
        if (wj == nj)
            return nj < m && w_post_num(f[nj]) ? nj + 1 : nj;
        j = wj;
    }
}

static uint32_t run_of(const uint32_t *f, uint32_t j, uint32_t m, bool (*a)(uint32_t))
{
    while (j < m && (a(f[j]) || is_cjk_diacrit(f[j])))
        j++;
    return j;
}

static uint32_t max_u32(uint32_t a, uint32_t b)
{
    return a > b ? a : b;
}

/* The end of the word segment starting at f[a] (f without the ignored Cf): the longest
   match of WordBreakRules' rules, at least one character. */
static uint32_t word_end(const uint32_t *f, uint32_t a, uint32_t m)
{
    uint32_t c = f[a], best = a + 1;
    if (w_let(c) || w_dgt(c)) /* {<word>}(<number><word>)*{<number>{<post-num>}} */
        best = max_u32(best, numbers_and_words(f, match_word(f, a, m), m));
    if (w_pre_num(c)) /* <pre-num>(<number><word>)*{<number>{<post-num>}} */
        best = max_u32(best, numbers_and_words(f, a + 1, m));
    if (w_ws(c) || c == '\r' || w_ls(c)) { /* <ws>*{\r}{<ls>} */
        uint32_t j = a;
        while (j < m && w_ws(f[j]))
            j = skip_marks(f, j + 1, m);
        j += j < m && f[j] == '\r';
        j += j < m && w_ls(f[j]);
        best = max_u32(best, j);
    }
    if (is_kata(c) || is_cjk_diacrit(c))
        best = max_u32(best, run_of(f, a, m, is_kata));
    if (is_hira(c) || is_cjk_diacrit(c))
        best = max_u32(best, run_of(f, a, m, is_hira));
    if (is_kanji(c)) {
        uint32_t j = a;
        while (j < m && is_kanji(f[j]))
            j++;
        best = max_u32(best, j);
    }
    if (w_base(c)) /* <base><enclosing><enclosing>* */
        best = max_u32(best, skip_marks(f, a + 1, m));
    return best;
}

/* Character.isLetterOrDigit of a word's first UTF-16 char (a supplementary code point's is
   a surrogate: never) */
static bool starts_word(uint32_t c)
{
    return c <= 0xFFFF && gc_in(c, GC_LETTER | GC(ND));
}

/* ==== Driver ==== */

typedef struct Text {
    uint32_t *cp; /* the code points */
    uint32_t n;
    uint32_t *f; /* the indexes of cp that a rule sees */
    uint32_t m;
} Text;

/* Text t's code points [from, to) whose class is not ignored into t->f. */
static void filter(Text *t, uint32_t from, uint32_t to, bool (*ignored)(uint32_t))
{
    t->m = 0;
    for (uint32_t i = from; i < to; i++)
        if (!ignored(t->cp[i]))
            t->f[t->m++] = i;
}

/* <ignore>=[:Cf:], but the soft hyphen, a <mid-word> character */
static bool word_ignored(uint32_t c)
{
    return gc_in(c, GC(CF)) && c != 0x00AD;
}

/* The break after f-index k as an index of cp: before the next seen code point (ignored
   ones stay with the text before them), or `to`. */
static uint32_t raw_end(const Text *t, uint32_t k, uint32_t to)
{
    return k < t->m ? t->f[k] : to;
}

/* The words of cp[from, to) as STRING datums */
static SrtDatum *sentence_words(SrtQuery *q, const Text *whole, uint32_t from, uint32_t to,
                                uint32_t *n_out)
{
    Text t = *whole;
    uint32_t *vals = srt_scratch_alloc(q, sizeof *vals * ((to - from) + 1));
    t.f = srt_scratch_alloc(q, sizeof *t.f * ((to - from) + 1));
    filter(&t, from, to, word_ignored);
    for (uint32_t k = 0; k < t.m; k++)
        vals[k] = t.cp[t.f[k]];
    SrtDatum *d = srt_scratch_alloc(q, sizeof *d * ((to - from) + 1));
    uint32_t n = 0, start = from, k = 0;
    while (start < to) {
        uint32_t kend = k < t.m ? word_end(vals, k, t.m) : k;
        uint32_t end = k < t.m ? raw_end(&t, kend, to) : to;
        if (starts_word(t.cp[start])) {
            char *o = srt_scratch_alloc(q, 4u * (size_t)(end - start) + 1);
            uint32_t b = 0;
            for (uint32_t i = start; i < end; i++)
                b += cm_utf8_put(t.cp[i], o + b);
            memset(&d[n], 0, sizeof d[n]);
            d[n].p = o;
            d[n++].n = b;
        }
        start = end;
        k = kend;
    }
    *n_out = n;
    return d;
}

int srt_sentences(SrtQuery *q, const char *s, uint32_t n, const char *lang, uint32_t lang_n,
                  int32_t locale_given, const void **out, uint32_t *out_n)
{
    /* new Locale(language, country) lower-cases the language: "th" picks the JDK's
       dictionary-based Thai word iterator */
    if (locale_given && lang_n == 2 && (lang[0] | 0x20) == 't' && (lang[1] | 0x20) == 'h') {
        srt_query_fail(q, "sentences with the Thai locale (language 'th') is not supported: "
                          "Java breaks Thai words by a dictionary");
        return -1;
    }
    Text t = {0};
    t.cp = srt_scratch_alloc(q, sizeof *t.cp * ((size_t)n + 1));
    for (uint32_t i = 0; i < n;)
        t.cp[t.n++] = srt_utf8_decode(s, n, &i);
    t.f = srt_scratch_alloc(q, sizeof *t.f * ((size_t)t.n + 1));
    filter(&t, 0, t.n, s_ignore);
    uint32_t *vals = srt_scratch_alloc(q, sizeof *vals * ((size_t)t.m + 1));
    for (uint32_t k = 0; k < t.m; k++)
        vals[k] = t.cp[t.f[k]];
    SrtDatum *res = srt_scratch_alloc(q, sizeof *res * ((size_t)t.n + 1));
    uint32_t count = 0, start = 0, k = 0;
    while (start < t.n) {
        while (k < t.m && t.f[k] < start)
            k++;
        uint32_t end = k < t.m ? sentence_end(vals, k, t.m, t.f, start, t.n) : t.n;
        memset(&res[count], 0, sizeof res[count]);
        uint32_t nw;
        res[count].p = sentence_words(q, &t, start, end, &nw);
        res[count++].n = nw;
        start = end;
    }
    *out = res;
    *out_n = count;
    return 0;
}
