/* check_regex_twins.c - the compiler's check of constant regular expressions
** (compiler/sema/sema_regex.c) and the runtime's translation (runtime/src/srt_regex.c)
** are two copies of one set of rules: they must accept the same Java patterns and count
** the same capturing groups, or a query that compiles could fail at its first row.
*/
#include <check.h>
#include <regex.h>
#include <string.h>

#include "sema/sema_int.h"
#include "srt_int.h"

static const char *const patterns[] = {
    "(\\d+)-(\\d+)",
    "a.b",
    "[\\w.-]+",
    "[]a]",
    "[^\\s,]",
    "\\Q.*(\\E",
    "(?:x|y)(z){2,3}",
    "\\W\\S\\D",
    "a\\.b\\-c",
    "\\bword\\b",
    "x}y]",
    "(?i)ab",
    "^([A-Z])([a-z]+)$",
    "[\\^]",
    "[-^]",
    "[a-z0-9_]{1,}",
    "((a)(b))?c",
    ",",
    "",
    "[\\t ]+",
    "a|",
    "(a",
    "a)",
    "a**",
    "x*?",
    "x+?",
    "a++",
    "(?=a)",
    "(?<n>a)",
    "(a)\\1",
    "\\p{L}",
    "[a-",
    "[[a]]",
    "[a&&b]",
    "*a",
    "a{x}",
    "a{,3}",
    "\\",
    "[z-a]",
    "(?s)a",
    "[\\W]",
    "\\x41",
    "[]",
    "a{2",
    "(?:",
};

START_TEST(test_twins_agree)
{
    Arena arena;
    arena_init(&arena);
    for (size_t i = 0; i < sizeof patterns / sizeof patterns[0]; i++) {
        const char *p = patterns[i];
        uint32_t n = (uint32_t)strlen(p);
        char err[200], ere[1024];
        int groups_sema = -1, groups_rt = -1, map[64], icase;
        bool ok_sema = sema_regex_check(&arena, p, n, &groups_sema, err, sizeof err);
        bool ok_rt =
            n == 0 || srt_regex_translate(p, n, ere, map, &groups_rt, &icase, err, sizeof err) == 0;
        if (n == 0)
            groups_rt = 0;
        regex_t re; /* the runtime compiles what it translated */
        if (ok_rt && n > 0) {
            ok_rt = regcomp(&re, ere, REG_EXTENDED | (icase ? REG_ICASE : 0)) == 0;
            if (ok_rt)
                regfree(&re);
        }
        ck_assert_msg(ok_sema == ok_rt, "'%s': compiler %s, runtime %s", p,
                      ok_sema ? "accepts" : "refuses", ok_rt ? "accepts" : "refuses");
        if (ok_sema)
            ck_assert_msg(groups_sema == groups_rt, "'%s': %d groups vs %d", p, groups_sema,
                          groups_rt);
    }
    arena_free(&arena);
}
END_TEST

Suite *regex_twins_suite(void)
{
    Suite *s = suite_create("regex_twins");
    TCase *tc = tcase_create("twins");
    tcase_add_test(tc, test_twins_agree);
    suite_add_tcase(s, tc);
    return s;
}
