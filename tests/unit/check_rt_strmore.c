/* check_rt_strmore.c - srt_strmore.c: levenshtein, soundex, find_in_set, bin, conv and
** width_bucket against values worked out from Spark 3.5's UTF8String and NumberConverter.
*/
#include <check.h>
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "srt_int.h"

#define S(x) x, (uint32_t)strlen(x)

static SrtMem mem;
static SrtQuery *q;

static void setup(void)
{
    srt_mem_init(&mem);
    q = srt_query_new_detached(&mem);
}

static void teardown(void)
{
    srt_query_free(q);
}

/* The string result of conv(s, from, to), "NULL" for NULL. */
static const char *conv(const char *s, int from, int to)
{
    static char buf[80];
    const char *o;
    uint32_t n;
    if (srt_num_conv(q, S(s), from, to, &o, &n) < 0)
        return "NULL";
    memcpy(buf, o, n);
    buf[n] = 0;
    return buf;
}

START_TEST(test_conv)
{
    ck_assert_str_eq(conv("100", 2, 10), "4");
    ck_assert_str_eq(conv("-10", 16, -10), "-16");
    ck_assert_str_eq(conv("-10", 16, 10), "18446744073709551600");
    ck_assert_str_eq(conv(" 7f ", 16, 8), "177");
    ck_assert_str_eq(conv("12z", 10, 10), "12");        /* read up to the first non-digit */
    ck_assert_str_eq(conv("z", 10, 10), "0");
    ck_assert_str_eq(conv("-", 10, 10), "0");
    ck_assert_str_eq(conv("", 10, 10), "NULL");
    ck_assert_str_eq(conv("1", 1, 10), "NULL");
    ck_assert_str_eq(conv("1", 10, 37), "NULL");
    ck_assert_str_eq(conv("1", 10, -37), "NULL");
    ck_assert_str_eq(conv("18446744073709551615", 10, 16), "FFFFFFFFFFFFFFFF");
    ck_assert_str_eq(conv("18446744073709551616", 10, 16), "FFFFFFFFFFFFFFFF"); /* overflow: -1 */
    ck_assert_str_eq(conv("18446744073709551616", 10, -10), "-1");
    /* 2^63 + 1 is a negative long: negated input and v < 0 give -1 */
    ck_assert_str_eq(conv("-9223372036854775809", 10, 10), "18446744073709551615");
    ck_assert_str_eq(conv("-9223372036854775807", 10, 10), "9223372036854775809");
}
END_TEST

START_TEST(test_bin)
{
    const char *o;
    uint32_t n;
    srt_num_bin(q, 0, &o, &n);
    ck_assert_int_eq(n, 1);
    ck_assert_int_eq(o[0], '0');
    srt_num_bin(q, 13, &o, &n);
    ck_assert_int_eq(n, 4);
    ck_assert(memcmp(o, "1101", 4) == 0);
    srt_num_bin(q, INT64_MIN, &o, &n);
    ck_assert_int_eq(n, 64);
    ck_assert_int_eq(o[0], '1');
    ck_assert_int_eq(o[63], '0');
}
END_TEST

START_TEST(test_levenshtein)
{
    ck_assert_int_eq(srt_str_levenshtein(q, S("kitten"), S("sitting"), INT32_MAX), 3);
    ck_assert_int_eq(srt_str_levenshtein(q, S("kitten"), S("sitting"), 3), 3);
    ck_assert_int_eq(srt_str_levenshtein(q, S("kitten"), S("sitting"), 2), -1);
    ck_assert_int_eq(srt_str_levenshtein(q, S(""), S(""), -1), -1);
    ck_assert_int_eq(srt_str_levenshtein(q, S(""), S("abc"), INT32_MAX), 3);
    /* characters, not bytes: "\xc3\xa9" (é) against "e" is one substitution */
    ck_assert_int_eq(srt_str_levenshtein(q, S("caf\xc3\xa9"), S("cafe"), INT32_MAX), 1);
    ck_assert_int_eq(srt_str_levenshtein(q, S("\xe4\xbd\xa0\xe5\xa5\xbd"), S("\xe4\xbd\xa0"), INT32_MAX), 1);
}
END_TEST

START_TEST(test_soundex_find_in_set)
{
    const char *o;
    uint32_t n;
    static const struct { const char *in, *out; } cases[] = {
        {"Robert", "R163"}, {"Rupert", "R163"}, {"Tymczak", "T522"}, {"Pfister", "P236"},
        {"Ashcraft", "A261"}, {"a", "A000"}, {"", ""}, {"1abc", "1abc"}, {"\xc3\x89t\xc3\xa9", "\xc3\x89t\xc3\xa9"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        srt_str_soundex(q, S(cases[i].in), &o, &n);
        ck_assert_msg(n == strlen(cases[i].out) && memcmp(o, cases[i].out, n) == 0, "soundex %s", cases[i].in);
    }
    ck_assert_int_eq(srt_str_find_in_set(S("ab"), S("abc,b,ab,c,def")), 3);
    ck_assert_int_eq(srt_str_find_in_set(S("ab,"), S("ab,")), 0);
    ck_assert_int_eq(srt_str_find_in_set(S(""), S("a,,b")), 2);
    ck_assert_int_eq(srt_str_find_in_set(S("x"), S("")), 0);
}
END_TEST

START_TEST(test_width_bucket)
{
    int64_t v = -7;
    ck_assert_int_eq(srt_math_width_bucket(5.3, 0.2, 10.6, 5, &v), 0);
    ck_assert_int_eq(v, 3);
    ck_assert_int_eq(srt_math_width_bucket(-2.1, 1.3, 3.4, 3, &v), 0);
    ck_assert_int_eq(v, 0);
    ck_assert_int_eq(srt_math_width_bucket(8.1, 0.0, 5.7, 4, &v), 0);
    ck_assert_int_eq(v, 5);
    ck_assert_int_eq(srt_math_width_bucket(-0.9, 5.2, 0.5, 2, &v), 0);
    ck_assert_int_eq(v, 3);
    ck_assert_int_eq(srt_math_width_bucket(1.0, 1.0, 1.0, 2, &v), -1);
    ck_assert_int_eq(srt_math_width_bucket(1.0, 0.0, INFINITY, 2, &v), -1);
    ck_assert_int_eq(srt_math_width_bucket(1.0, 0.0, 2.0, 0, &v), -1);
    ck_assert_int_eq(srt_math_width_bucket(NAN, 0.0, 2.0, 2, &v), -1);
}
END_TEST

Suite *rt_strmore_suite(void)
{
    Suite *s = suite_create("rt_strmore");
    TCase *tc = tcase_create("core");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_conv);
    tcase_add_test(tc, test_bin);
    tcase_add_test(tc, test_levenshtein);
    tcase_add_test(tc, test_soundex_find_in_set);
    tcase_add_test(tc, test_width_bucket);
    suite_add_tcase(s, tc);
    return s;
}
