/* check_cm_regex.c - Java patterns through PCRE2 (common/cm_regex.c): Java's answers where
** POSIX and PCRE2 defaults differ, Java's group counts, refusals, and replacement strings.
*/
#include <check.h>
#include <stdio.h>
#include <string.h>

#include "common/cm_regex.h"

/* Group g of the first match of pat in s: its text, "<none>" (no match) or "<unset>". */
static const char *first(const char *pat, const char *s, int g)
{
    static char buf[256];
    char err[256];
    CmRegex *re = cm_regex_compile(pat, strlen(pat), err, sizeof err);
    ck_assert_msg(re != NULL, "'%s': %s", pat, err);
    const size_t *ov;
    int rc = cm_regex_find(re, s, strlen(s), 0, &ov, err, sizeof err);
    ck_assert_msg(rc >= 0, "'%s': %s", pat, err);
    if (rc == 0)
        snprintf(buf, sizeof buf, "<none>");
    else if (ov[2 * g] == CM_REGEX_UNSET)
        snprintf(buf, sizeof buf, "<unset>");
    else
        snprintf(buf, sizeof buf, "%.*s", (int)(ov[2 * g + 1] - ov[2 * g]), s + ov[2 * g]);
    cm_regex_free(re);
    return buf;
}

static const struct {
    const char *pat, *s;
    int g;
    const char *want;
} matches[] = {
    /* leftmost-first alternation (POSIX ERE would take the longest) */
    {"a|ab", "ab", 0, "a"},
    {"(a|ab)(c|bcd)(d*)", "abcd", 1, "a"}, /* POSIX: "ab", "c", "d" */
    {"(a|ab)(c|bcd)(d*)", "abcd", 2, "bcd"},
    {"x*?y", "xxy", 0, "xxy"},
    {"a+?", "aaa", 0, "a"},
    {"a++a", "aaa", 0, "<none>"}, /* possessive */
    {"(?>a+)b", "aab", 0, "aab"},
    /* lookaround */
    {"\\w+(?=,)", "ab,cd", 0, "ab"},
    {"(?<=\\$)\\d+", "cost $42", 0, "42"},
    {"(?<!\\$)\\b\\d+", "$42 17", 0, "17"},
    {"q(?!u)", "quit qat", 0, "q"},
    /* back references, named groups */
    {"(\\w)\\1", "abccd", 0, "cc"},
    {"(?<x>\\d)-\\k<x>", "1-2 3-3", 0, "3-3"},
    {"(a)\\2", "aa", 0, "<none>"}, /* no group 2: never matches, as Java */
    {"(a)\\11", "aa1", 0, "aa1"},  /* \11 with one group is \1 then '1' */
    {"(a)|(b)", "b", 1, "<unset>"},
    {"(?:x)(a)", "xa", 1, "a"},
    /* Unicode: '.' and classes see code points */
    {"h(.)l", "h\xc3\xa9llo", 1, "\xc3\xa9"},
    {"\\p{Lu}+", "abc\xc3\x89T\xc3\xa9", 0, "\xc3\x89T"},
    {"\\p{IsLatin}+", "\xce\xb1\xce\xb2" "ab", 0, "ab"},
    {"\\p{L}+", "12\xce\xb1\xce\xb2", 0, "\xce\xb1\xce\xb2"},
    {"\\P{L}+", "ab12c", 0, "12"},
    {"\\p{Lower}+", "AB\xc3\xa9" "ab", 0, "ab"}, /* POSIX classes are ASCII in Java */
    {"[\\p{Digit}x]+", "ax12y", 0, "x12"},
    {"\\w+", "\xc3\xa9t\xc3\xa9", 0, "t"}, /* \w is ASCII in Java */
    {"\\W+", "a\xc3\xa9\xc3\x89 b", 0, "\xc3\xa9\xc3\x89 "},
    {"\\S+", " \xc3\xa9t\xc3\xa9 x", 0, "\xc3\xa9t\xc3\xa9"},
    {"[^a]+", "a\xf0\x9f\x98\x80" "b", 0, "\xf0\x9f\x98\x80" "b"},
    {"\\u00e9", "caf\xc3\xa9", 0, "\xc3\xa9"},
    {"\\x{1F600}", "a\xf0\x9f\x98\x80", 0, "\xf0\x9f\x98\x80"},
    {"\\ud83d\\ude00", "a\xf0\x9f\x98\x80", 0, "\xf0\x9f\x98\x80"},
    {"\\0101\\x42", "zAB", 0, "AB"},
    {"\\0377", "\xc3\xbf", 0, "\xc3\xbf"}, /* Java octal takes three digits */
    /* \b is Java's: letters and digits of any script are word characters */
    {"\\b\\w+\\b", "\xc3\xa9t\xc3\xa9 ok", 0, "ok"},
    {"\\bx", "\xc3\xa9x x", 0, "x"},
    {"x\\B", "xy", 0, "x"},
    /* line terminators: '.' excludes \r \n \u0085 \u2028 \u2029 only */
    {"a.b", "a\rb a\x0b" "b", 0, "a\x0b" "b"},
    {"a.b", "a\xe2\x80\xa8" "b", 0, "<none>"},
    {"(?s)a.b", "a\nb", 0, "a\nb"},
    {"(?d)a.b", "a\rb", 0, "a\rb"},
    {"x$", "x\n", 0, "x"},
    {"x$", "x\r\n", 0, "x"},
    {"x$", "x\n\n", 0, "<none>"},
    {"\\r$", "x\r\n", 0, "<none>"}, /* $ never between \r and \n */
    {"x$", "x\xc2\x85", 0, "x"},
    {"x$", "x\x0b", 0, "<none>"},
    {"(?m)^b", "a\nb", 0, "b"},
    {"(?m)a$", "a\rb", 0, "a"},
    {"^b", "a\nb", 0, "<none>"},
    {"x\\Z", "x\n", 0, "x"},
    {"x\\z", "x\n", 0, "<none>"},
    /* case folding: (?i) is ASCII-only without (?u) */
    {"(?i)b", "ABC", 0, "B"},
    {"(?i)\xc3\xa9", "\xc3\x89\xc3\xa9", 0, "\xc3\xa9"},
    {"(?iu)\xc3\xa9", "\xc3\x89\xc3\xa9", 0, "\xc3\x89"},
    {"(?i)k", "\xe2\x84\xaak", 0, "k"}, /* not the Kelvin sign */
    {"(?i)[a-c]+", "xAbC", 0, "AbC"},
    {"(?i)[^a]", "Ab", 0, "b"},
    {"(?i)\\p{Lu}", "1a", 0, "a"}, /* forProperty(name, caseIns) */
    {"a(?i)b", "aB", 0, "aB"},
    {"(?i:a)b", "Ab AB", 0, "Ab"},
    {"(a(?i)b)c", "aBc aBC", 0, "aBc"},
    /* \R gives back the \n of \r\n, but not inside a repetition of itself */
    {"\\R\\n", "\r\n", 0, "\r\n"},
    {"\\R{2}", "\r\n", 0, "<none>"},
    /* matches PCRE2 10.42's optimisations would lose */
    {"(?=c)\\D*c", "bbc", 0, "c"},
    {"\\S*?\\v", "x\xe2\x80\xa8", 0, "x\xe2\x80\xa8"},
    {"(?iu)\\p{Lower}+", "\xe2\x84\xaa" "ab", 0, "ab"}, /* properties are not folded */
    /* quoting, classes */
    {"\\Q.*(\\E", "x.*(y", 0, ".*("},
    {"[]a]+", "x]a]", 0, "]a]"},
    {"[a-]+", "b-a-", 0, "-a-"},
    {"[^\\s,]+", " ,ab,", 0, "ab"},
    {"a{2,}", "aaaa", 0, "aaaa"},
    {"x}y]", "x}y]", 0, "x}y]"},
    {"", "abc", 0, ""},
};

START_TEST(test_java_answers)
{
    for (size_t i = 0; i < sizeof matches / sizeof matches[0]; i++) {
        const char *got = first(matches[i].pat, matches[i].s, matches[i].g);
        ck_assert_msg(strcmp(got, matches[i].want) == 0, "%zu '%s' on '%s' group %d: '%s', want '%s'",
                      i, matches[i].pat, matches[i].s, matches[i].g, got, matches[i].want);
    }
}
END_TEST

START_TEST(test_groups_and_find_from)
{
    static const struct {
        const char *pat;
        int groups;
    } cases[] = {{"(\\d+)-(\\d+)", 2}, {"(?:x|y)(z){2,3}", 1}, {"((a)(b))?c", 3},
                 {"(?<n>a)(?=(b))", 2}, {"\\(x\\)", 0}, {"[(]", 0}, {"\\Q(\\E", 0}, {",", 0}};
    char err[256];
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        CmRegex *re = cm_regex_compile(cases[i].pat, strlen(cases[i].pat), err, sizeof err);
        ck_assert_msg(re != NULL, "%s: %s", cases[i].pat, err);
        ck_assert_int_eq(cm_regex_groups(re), cases[i].groups);
        cm_regex_free(re);
    }
    /* from: later matches see the text before them (lookbehind, \b), ^ does not match */
    CmRegex *re = cm_regex_compile("(?<=a)b|^c", 10, err, sizeof err);
    const size_t *ov;
    ck_assert_int_eq(cm_regex_find(re, "abcb", 4, 1, &ov, err, sizeof err), 1);
    ck_assert_uint_eq(ov[0], 1);
    ck_assert_int_eq(cm_regex_find(re, "abcb", 4, 2, &ov, err, sizeof err), 0);
    ck_assert_int_eq(cm_regex_find(re, "abcb", 4, 5, &ov, err, sizeof err), 0);
    cm_regex_free(re);
    re = cm_regex_compile(",", 1, err, sizeof err); /* literal: searched as text */
    ck_assert_int_eq(cm_regex_find(re, "a,b,", 4, 2, &ov, err, sizeof err), 1);
    ck_assert_uint_eq(ov[0], 3);
    ck_assert_int_eq(cm_regex_find(re, "a,b,", 4, 4, &ov, err, sizeof err), 0);
    cm_regex_free(re);
    /* invalid UTF-8 in the subject never matches '.', and does not fail */
    re = cm_regex_compile("b.", 2, err, sizeof err);
    ck_assert_int_eq(cm_regex_find(re, "b\xff" "bc", 4, 0, &ov, err, sizeof err), 1);
    ck_assert_uint_eq(ov[0], 2);
    cm_regex_free(re);
}
END_TEST

static const struct {
    const char *pat, *err;
} refused[] = {
    /* Java's own errors, with java.util.regex's (JDK 17) wording and index */
    {"(a|b", "Unclosed group near index 4"},
    {"a)", "Unmatched closing ')' near index 0"},
    {"*a", "Dangling meta character '*' near index 0"},
    {"a**", "Dangling meta character '*' near index 2"},
    {"a{x}", "Illegal repetition near index 2"},
    {"a{,3}", "Illegal repetition near index 2"},
    {"a{3,2}", "Illegal repetition range near index 5"},
    {"a{2", "Unclosed counted closure near index 3"},
    {"[a-", "Illegal character range near index 3"},
    {"[z-a]", "Illegal character range near index 3"},
    {"[]", "Unclosed character class near index 1"},
    {"\\", "Unexpected internal error near index 1"},
    {"\\y", "Illegal/unsupported escape sequence near index 1"},
    {"\\E", "Illegal/unsupported escape sequence near index 1"},
    {"[\\b]", "Illegal/unsupported escape sequence near index 2"},
    {"\\x4g", "Illegal hexadecimal escape sequence near index 3"},
    {"\\p{Foo}", "Unknown character property name {Foo} near index 6"},
    {"(?<1a>x)", "capturing group name does not start with a Latin letter near index 3"},
    {"(?<a>x)(?<a>y)", "Named capturing group <a> is already defined near index 11"},
    {"\\k<b>(?<b>x)", "named capturing group <b> does not exist near index 4"},
    {"(?q)", "Unknown inline modifier near index 2"},
    {"(?|a)", "Unknown inline modifier near index 2"},
    {"(*FAIL)", "Dangling meta character '*' near index 1"},
    /* Java syntax PCRE2 reads differently or lacks: refused, never another answer */
    {"[a&&[b]]", "character class intersection (&&) is not supported near index 2"},
    {"[a[bc]]", "nested character classes (class union) are not supported near index 2"},
    {"[[:alpha:]]", "nested character classes (class union) are not supported near index 1"},
    {"\\p{javaLowerCase}", "\\p{javaLowerCase} is not supported near index 0"},
    {"\\p{InGreek}", "Unicode blocks (\\p{InGreek}) are not supported near index 0"},
    {"\\p{IsAlphabetic}", "the Unicode binary property \\p{IsAlphabetic} is not supported near index 0"},
    {"[\\P{Lower}]", "\\P{...} of this property inside a character class is not supported near index 1"},
    {"(?x)a b", "the COMMENTS flag (?x) is not supported near index 2"},
    {"(?U)\\w", "the UNICODE_CHARACTER_CLASS flag (?U) is not supported near index 2"},
    {"\\G", "\\G is not supported near index 0"},
    {"(?i)(a)\\1", "a back reference under (?i) without (?u) (ASCII-only case folding) is not "
                   "supported near index 7"},
    {"(?<=a+)b", "lookbehind assertion is not fixed length near index 0"},
    {"\xc3\xa9(", "Unclosed group near index 2"}, /* indexes count UTF-16 units */
};

START_TEST(test_refused)
{
    char err[256];
    for (size_t i = 0; i < sizeof refused / sizeof refused[0]; i++) {
        CmRegex *re = cm_regex_compile(refused[i].pat, strlen(refused[i].pat), err, sizeof err);
        ck_assert_msg(re == NULL, "'%s' should be refused", refused[i].pat);
        ck_assert_msg(strcmp(err, refused[i].err) == 0, "'%s': '%s', want '%s'", refused[i].pat, err,
                      refused[i].err);
    }
}
END_TEST

static void put(void *ctx, const char *p, size_t n) { strncat(ctx, p, n); }

START_TEST(test_expand)
{
    static const struct {
        const char *pat, *s, *rep, *want;
    } cases[] = {
        {"(\\d+)-(\\d+)", "10-20", "$2:$1", "20:10"},
        {"(\\d+)-(\\d+)", "10-20", "[$0]", "[10-20]"},
        {"(\\d+)-(\\d+)", "10-20", "$12", "102"}, /* $12 with 2 groups: $1 then '2' */
        {"(?<a>x)(y)?", "x", "<${a}|$2>", "<x|>"},
        {"(x)", "x", "\\$1\\\\", "$1\\"},
        {"(x)", "x", "\xc3\xa9\\\xc3\xa9", "\xc3\xa9\xc3\xa9"},
    };
    char err[256];
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        CmRegex *re = cm_regex_compile(cases[i].pat, strlen(cases[i].pat), err, sizeof err);
        const size_t *ov;
        ck_assert_int_eq(cm_regex_find(re, cases[i].s, strlen(cases[i].s), 0, &ov, err, sizeof err), 1);
        char out[64] = "";
        ck_assert_int_eq(cm_regex_expand(re, cases[i].rep, strlen(cases[i].rep), cases[i].s, ov, put,
                                         out, err, sizeof err),
                         0);
        ck_assert_msg(strcmp(out, cases[i].want) == 0, "%zu: '%s', want '%s'", i, out, cases[i].want);
        cm_regex_free(re);
    }
    static const struct {
        const char *rep, *err;
    } bad[] = {
        {"$", "Illegal group reference: group index is missing"},
        {"$x", "Illegal group reference"},
        {"$3", "No group 3"},
        {"a\\", "character to be escaped is missing"},
        {"${}", "named capturing group has 0 length name"},
        {"${a", "named capturing group is missing trailing '}'"},
        {"${1a}", "capturing group name {1a} starts with digit character"},
        {"${zz}", "No group with name {zz}"},
    };
    CmRegex *re = cm_regex_compile("(?<a>1)(2)", 10, err, sizeof err);
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        ck_assert_int_eq(
            cm_regex_expand(re, bad[i].rep, strlen(bad[i].rep), NULL, NULL, NULL, NULL, err, sizeof err),
            -1);
        ck_assert_msg(strcmp(err, bad[i].err) == 0, "'%s': '%s'", bad[i].rep, err);
    }
    cm_regex_free(re);
}
END_TEST

Suite *cm_regex_suite(void)
{
    Suite *s = suite_create("cm_regex");
    TCase *tc = tcase_create("cm_regex");
    tcase_add_test(tc, test_java_answers);
    tcase_add_test(tc, test_groups_and_find_from);
    tcase_add_test(tc, test_refused);
    tcase_add_test(tc, test_expand);
    suite_add_tcase(s, tc);
    return s;
}
