/* check_lexer.c - unit tests of the scanner (grammar/lexer.l) through parse_dump_tokens().
**
** Table-driven: each case is a source text and the exact token dump, with values
** and byte spans, or the exact machine-format diagnostic of a lexical error.
** The keyword cases include keywords.def itself, so the table, its order and the
** parser's token names are checked against each other.
*/
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "base/diag.h"
#include "base/srcfile.h"
#include "base/strbuf.h"
#include "front/parse.h"

typedef struct Lexed {
    bool ok;
    const char *tokens; /* the dump */
    const char *diag;   /* machine-format diagnostics, "" if none */
} Lexed;

static Lexed lex(Arena *arena, const char *src, size_t len)
{
    char *buf = NULL;
    size_t n = 0;
    FILE *out = open_memstream(&buf, &n);
    ck_assert_ptr_nonnull(out);
    SrcFile *file = srcfile_from_text(arena, "t.sql", src, len);
    Diag diag;
    diag_init(&diag, file, out);
    diag.format = DIAG_MACHINE;
    StrBuf sb;
    sb_init(&sb, arena);
    Lexed r;
    r.ok = parse_dump_tokens(&sb, arena, &diag, file);
    fclose(out);
    r.tokens = sb.data;
    r.diag = arena_strdup(arena, buf ? buf : "");
    free(buf);
    return r;
}

/* ==== Valid input ==== */

typedef struct TokCase {
    const char *src;
    const char *tokens;
} TokCase;

static const TokCase tok_cases[] = {
    {"", ""},
    {" \t\r\n\f\v ", ""},
    {"-- only a comment", ""},
    {"select SeLeCt SELECT", "SELECT@0-6 SELECT@7-13 SELECT@14-20"},
    {"a _b c1 ab_C9", "identifier(a)@0-1 identifier(_b)@2-4 identifier(c1)@5-7 identifier(ab_C9)@8-13"},
    /* one identifier rule: a keyword must match the whole word */
    {"selects selec from_ current_timestamp current",
     "identifier(selects)@0-7 identifier(selec)@8-13 identifier(from_)@14-19 "
     "CURRENT_TIMESTAMP@20-37 CURRENT@38-45"},
    {"`my col` `a``b` `select`",
     "identifier(my col)@0-8 identifier(a`b)@9-15 identifier(select)@16-24"},
    {"'abc' '' 'x'", "string(\"abcx\")@0-12"},
    /* adjacent literals are one, as Spark 3.5's stringLit+ (no '' escape): 'it''s' is its */
    {"'it''s' ''", "string(\"its\")@0-10"},
    {"'a'\n  \"b\" 'c' , 'd'", "string(\"abc\")@0-13 ','@14-15 string(\"d\")@16-19"},
    {"'a\\'b\\\\c\\nd\\te\\rf'", "string(\"a'b\\\\c\\nd\\te\\rf\")@0-18"},
    {"\"x\"\"y\" , \"a\\\"b\" , \"it's\"",
     "string(\"xy\")@0-6 ','@7-8 string(\"a\\\"b\")@9-15 ','@16-17 string(\"it's\")@18-24"},
    /* LIKE escapes keep their backslash; unknown escapes drop it */
    {"'100\\%\\_', '\\q'", "string(\"100\\\\%\\\\_\")@0-9 ','@9-10 string(\"q\")@11-15"},
    {"'\\u00e9\\u20AC'", "string(\"\xc3\xa9\xe2\x82\xac\")@0-14"},
    {"'a\nb'", "string(\"a\\nb\")@0-5"},
    {"'h\xc3\xa9llo' `\xc3\xa9`", "string(\"h\xc3\xa9llo\")@0-8 identifier(\xc3\xa9)@9-13"},
    {"'--x', '/*', \"*/\"", "string(\"--x\")@0-5 ','@5-6 string(\"/*\")@7-11 ','@11-12 string(\"*/\")@13-17"},
    {"0 42 9223372036854775807",
     "integer(0)@0-1 integer(42)@2-4 integer(9223372036854775807)@5-24"},
    /* 2^63 is read as INT64_MIN: only valid negated (sema) */
    {"9223372036854775808", "integer(-9223372036854775808)@0-19"},
    /* beyond: a number token, which the parser reads as a DECIMAL (Spark's visitIntegerLiteral) */
    {"1 9223372036854775809", "integer(1)@0-1 number(9.2233720368547758e+18)@2-21"},
    /* Spark's unescapeSQLString: a surrogate pair is one code point, an unpaired surrogate '?' */
    {"'\\uD83D\\uDE00', '\\uD83D', 'x\\uDE00\\uD83Dy'",
     "string(\"\xf0\x9f\x98\x80\")@0-14 ','@14-15 string(\"?\")@16-24 ','@24-25 string(\"x??y\")@26-42"},
    /* adjacent literals join before surrogates pair, as Spark concatenates Java strings */
    {"'\\uD83D' '\\uDE00'", "string(\"\xf0\x9f\x98\x80\")@0-17"},
    /* \UXXXXXXXX, split into UTF-16 units as Spark does (beyond U+10FFFF: truncated units) */
    {"'\\U0001F600', '\\U00000041', '\\U00110000', '\\UFFFFFFFF'",
     "string(\"\xf0\x9f\x98\x80\")@0-12 ','@12-13 string(\"A\")@14-26 ','@26-27 string(\"??\")@28-40 ','@40-41 "
     "string(\"\xed\x9e\xbf?\")@42-54"},
    /* octal \[01][0-7][0-7]; \0 alone is NUL; other digits are themselves */
    {"'\\101\\102\\060', '\\1\\8', '\\177'", "string(\"AB0\")@0-14 ','@14-15 string(\"18\")@16-22 ','@22-23 string(\"\\x7F\")@24-30"},
    /* an incomplete \u is the letter u */
    {"'\\u12', '\\U1234'", "string(\"u12\")@0-6 ','@6-7 string(\"U1234\")@8-16"},
    /* raw strings: no escapes */
    {"r'\\d+\\u0041' R\"a'b\\\"", "string(\"\\\\d+\\\\u0041\")@0-12 string(\"a'b\\\\\")@13-20"},
    {"1.5 .5 1. 1e3 2.5E-2 1.5e+2",
     "number(1.5)@0-3 number(0.5)@4-6 number(1)@7-9 number(1000)@10-13 number(0.025)@14-20 "
     "number(150)@21-27"},
    {"1e-400 0.1", "number(0)@0-6 number(0.1)@7-10"},
    /* an overflow is sema's error (INVALID_NUMERIC_LITERAL_RANGE), with the minus before it */
    {"1e999 1e999D", "number(inf)@0-5 number(inf)@6-12"},
    {"= == <> != < <= > >= + - * / % || ( ) , . ; [ ] :",
     "'='@0-1 '='@2-4 '<>'@5-7 '<>'@8-10 '<'@11-12 '<='@13-15 '>'@16-17 '>='@18-20 '+'@21-22 "
     "'-'@23-24 '*'@25-26 '/'@27-28 '%'@29-30 '||'@31-33 '('@34-35 ')'@36-37 ','@38-39 "
     "'.'@40-41 ';'@42-43 '['@44-45 ']'@46-47 ':'@48-49"},
    {"a<=b<>c", "identifier(a)@0-1 '<='@1-3 identifier(b)@3-4 '<>'@4-6 identifier(c)@6-7"},
    {"a -- comment\nb /* x */ c", "identifier(a)@0-1 identifier(b)@13-14 identifier(c)@23-24"},
    {"a /* x /* y */ z */ b", "identifier(a)@0-1 identifier(b)@20-21"},
    {"a /* ** / * */ b", "identifier(a)@0-1 identifier(b)@15-16"},
    {"a --x", "identifier(a)@0-1"},
    {"a-1 a--1", "identifier(a)@0-1 '-'@1-2 integer(1)@2-3 identifier(a)@4-5"},
    {"window.end t.*", "identifier(window)@0-6 '.'@6-7 END@7-10 identifier(t)@11-12 '.'@12-13 '*'@13-14"},
    {"ARRAY<ARRAY<INT>>", "ARRAY@0-5 '<'@5-6 ARRAY@6-11 '<'@11-12 INT@12-15 '>'@15-16 '>'@16-17"},
    {"count(*)", "identifier(count)@0-5 '('@5-6 '*'@6-7 ')'@7-8"},
    {"INTERVAL '10 minutes'", "INTERVAL@0-8 string(\"10 minutes\")@9-21"},
};

START_TEST(test_tokens)
{
    const TokCase *c = &tok_cases[_i];
    Arena arena;
    arena_init(&arena);
    Lexed r = lex(&arena, c->src, strlen(c->src));
    ck_assert_msg(r.ok, "case %d '%s': %s", _i, c->src, r.diag);
    ck_assert_str_eq(r.diag, "");
    ck_assert_str_eq(r.tokens, c->tokens);
    arena_free(&arena);
}
END_TEST

/* ==== Lexical errors ==== */

typedef struct ErrCase {
    const char *src;
    const char *diag;   /* exact machine-format output */
    const char *before; /* tokens dumped before the error */
} ErrCase;

static const ErrCase err_cases[] = {
    {"'abc", "error|t.sql|1|1|unterminated string literal\n", ""},
    {"a \"abc", "error|t.sql|1|3|unterminated string literal\n", "identifier(a)@0-1"},
    {"a\n  'abc\\", "error|t.sql|2|3|unterminated string literal\n", "identifier(a)@0-1"},
    {"'it''", "error|t.sql|1|1|unterminated string literal\n", ""},
    {"x /* abc", "error|t.sql|1|3|unterminated comment\n", "identifier(x)@0-1"},
    {"/* a /* b */\nc", "error|t.sql|1|1|unterminated comment\n", ""},
    {"`abc", "error|t.sql|1|1|unterminated quoted identifier\n", ""},
    {"a ``", "error|t.sql|1|3|empty quoted identifier\n", "identifier(a)@0-1"},
    {"a # b", "error|t.sql|1|3|unexpected character '#'\n", "identifier(a)@0-1"},
    {"a ? b", "error|t.sql|1|3|unexpected character '?'\n", "identifier(a)@0-1"},
    {"!", "error|t.sql|1|1|unexpected character '!'\n", ""},
    {"a @ b", "error|t.sql|1|3|unexpected character '@'\n", "identifier(a)@0-1"},
    {"{", "error|t.sql|1|1|unexpected character '{'\n", ""},
    {"x\x01", "error|t.sql|1|2|unexpected character '\\x01'\n", "identifier(x)@0-1"},
    {"\xff", "error|t.sql|1|1|unexpected character '\\xFF'\n", ""},
    {"SELECT \xe2\x80\x99x\xe2\x80\x99", "error|t.sql|1|8|unexpected character '\xe2\x80\x99'\n", "SELECT@0-6"},
    {"caf\xc3\xa9", "error|t.sql|1|4|unexpected character '\xc3\xa9'\n", "identifier(caf)@0-3"},
    /* columns count code points, not bytes */
    {"'\xc3\xa9' #", "error|t.sql|1|5|unexpected character '#'\n", "string(\"\xc3\xa9\")@0-4"},
    {"12abc", "error|t.sql|1|1|invalid number '12abc'\n", ""},
    {"1e", "error|t.sql|1|1|invalid number '1e'\n", ""},
    {"1.5x", "error|t.sql|1|1|invalid number '1.5x'\n", ""},
};

START_TEST(test_errors)
{
    const ErrCase *c = &err_cases[_i];
    Arena arena;
    arena_init(&arena);
    Lexed r = lex(&arena, c->src, strlen(c->src));
    ck_assert_msg(!r.ok, "case %d should fail", _i);
    ck_assert_str_eq(r.diag, c->diag);
    ck_assert_str_eq(r.tokens, c->before);
    arena_free(&arena);
}
END_TEST

/* A NUL byte inside the text is a character like any other (flex gets the length). */
START_TEST(test_nul_byte)
{
    Arena arena;
    arena_init(&arena);
    Lexed r = lex(&arena, "a\0b", 3);
    ck_assert(!r.ok);
    ck_assert_str_eq(r.diag, "error|t.sql|1|2|unexpected character '\\x00'\n");
    ck_assert_str_eq(r.tokens, "identifier(a)@0-1");
    arena_free(&arena);
}
END_TEST

/* ==== Keywords (keywords.def) ==== */

typedef struct Keyword {
    const char *token;
    const char *spelling;
    int reserved;
} Keyword;

#define RESERVED 1
#define UNRESERVED 0
static const Keyword keywords[] = {
#define KW(tok, spelling, cat) {#tok, spelling, cat},
#include "../../grammar/keywords.def"
#undef KW
};

#define N_KEYWORDS ((int)(sizeof keywords / sizeof keywords[0]))

/* The lexer binary-searches the table. */
START_TEST(test_keywords_sorted)
{
    for (int i = 1; i < N_KEYWORDS; i++)
        ck_assert_msg(strcmp(keywords[i - 1].spelling, keywords[i].spelling) < 0,
                      "keywords.def is not sorted at '%s'", keywords[i].spelling);
}
END_TEST

/* Each keyword, in three casings, lexes to the token of its own name. */
START_TEST(test_keyword_tokens)
{
    const Keyword *k = &keywords[_i];
    Arena arena;
    arena_init(&arena);
    size_t n = strlen(k->spelling);
    char *upper = arena_strdup(&arena, k->spelling);
    char *mixed = arena_strdup(&arena, k->spelling);
    for (size_t i = 0; i < n; i++) {
        if (upper[i] >= 'a' && upper[i] <= 'z')
            upper[i] = (char)(upper[i] - 'a' + 'A');
        if (i % 2 == 0)
            mixed[i] = upper[i];
    }
    const char *forms[] = {k->spelling, upper, mixed};
    char *want = arena_sprintf(&arena, "%s@0-%zu", k->token, n);
    for (int f = 0; f < 3; f++) {
        Lexed r = lex(&arena, forms[f], n);
        ck_assert(r.ok);
        ck_assert_str_eq(r.tokens, want);
    }
    /* and a longer word is an identifier */
    char *longer = arena_sprintf(&arena, "%sx", k->spelling);
    Lexed r = lex(&arena, longer, n + 1);
    ck_assert_str_eq(r.tokens, arena_sprintf(&arena, "identifier(%s)@0-%zu", longer, n + 1));
    arena_free(&arena);
}
END_TEST

Suite *lexer_suite(void)
{
    Suite *s = suite_create("lexer");
    TCase *tc = tcase_create("tokens");
    tcase_add_loop_test(tc, test_tokens, 0, (int)(sizeof tok_cases / sizeof tok_cases[0]));
    suite_add_tcase(s, tc);
    tc = tcase_create("errors");
    tcase_add_loop_test(tc, test_errors, 0, (int)(sizeof err_cases / sizeof err_cases[0]));
    tcase_add_test(tc, test_nul_byte);
    suite_add_tcase(s, tc);
    tc = tcase_create("keywords");
    tcase_add_test(tc, test_keywords_sorted);
    tcase_add_loop_test(tc, test_keyword_tokens, 0, N_KEYWORDS);
    suite_add_tcase(s, tc);
    return s;
}
