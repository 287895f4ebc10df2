/* check_rt_strmore.c - srt_strmore.c (levenshtein, soundex, find_in_set, bin, conv,
** width_bucket, encode/decode, format_number, sequence) and srt_time.c's next_day and
** make_timestamp, against values worked out from Spark 3.5's sources.
*/
#include <check.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
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

/* The string result of f(q, s, charset), "NULL" on failure. */
static const char *coded(int (*f)(SrtQuery *, const char *, uint32_t, const char *, uint32_t,
                                  const char **, uint32_t *),
                         const char *s, uint32_t n, const char *cs)
{
    static char buf[64];
    const char *o;
    uint32_t on;
    if (f(q, s, n, S(cs), &o, &on) < 0)
        return "NULL";
    for (uint32_t i = 0; i < on; i++)
        snprintf(buf + 2 * i, 3, "%02X", (unsigned char)o[i]);
    buf[2 * on] = 0;
    return buf;
}

START_TEST(test_encode_decode)
{
    ck_assert_str_eq(coded(srt_str_encode, S("a\xc3\xa9"), "UTF-16"), "FEFF006100E9");
    ck_assert_str_eq(coded(srt_str_encode, S(""), "UTF-16"), "");
    ck_assert_str_eq(coded(srt_str_encode, S("\xf0\x9f\x98\x80"), "ascii"), "3F");
    ck_assert_str_eq(coded(srt_str_encode, S("\xff"), "utf8"), "EFBFBD");
    ck_assert_str_eq(coded(srt_str_decode, "\xff\xfe\x61\x00", 4, "UTF-16"), "61");
    ck_assert_str_eq(coded(srt_str_decode, S("\xed\xa0\x80"), "UTF-8"), "EFBFBDEFBFBDEFBFBD");
    ck_assert_str_eq(coded(srt_str_decode, S("\xe2\x82"), "UTF-8"), "EFBFBD");
    ck_assert_str_eq(coded(srt_str_decode, "\xd8\x3d\x00\x61", 4, "UTF-16BE"), "EFBFBD61");
    ck_assert_str_eq(coded(srt_str_decode, S("\xe9"), "latin1"), "C3A9");
    ck_assert_str_eq(coded(srt_str_decode, S("\xe9"), "US-ASCII"), "EFBFBD");
}
END_TEST

/* format_number's text, "d64" of a double, else of v at scale s. */
static const char *fmt_num(int dbl, double x, int64_t v, int s, int d)
{
    static char buf[80];
    const char *o;
    uint32_t n;
    if (dbl)
        srt_format_number_f64(q, x, d, &o, &n);
    else
        srt_format_number_dec(q, v, v < 0 ? -1 : 0, s, d, &o, &n);
    memcpy(buf, o, n);
    buf[n] = 0;
    return buf;
}

START_TEST(test_format_number)
{
    ck_assert_str_eq(fmt_num(1, 1234567.891, 0, 0, 2), "1,234,567.89");
    ck_assert_str_eq(fmt_num(1, 0.125, 0, 0, 2), "0.12");
    ck_assert_str_eq(fmt_num(1, 0.375, 0, 0, 2), "0.38");
    ck_assert_str_eq(fmt_num(1, -0.0, 0, 0, 1), "-0.0");
    ck_assert_str_eq(fmt_num(1, 999.5, 0, 0, 0), "1,000");
    ck_assert_str_eq(fmt_num(0, 0, 12345, 2, 1), "123.4");   /* 123.45 -> HALF_EVEN */
    ck_assert_str_eq(fmt_num(0, 0, 12355, 2, 1), "123.6");
    ck_assert_str_eq(fmt_num(0, 0, -1000000, 0, 0), "-1,000,000");
    ck_assert_str_eq(fmt_num(0, 0, 5, 3, 4), "0.0050");
    ck_assert_str_eq(fmt_num(0, 0, -4, 3, 2), "-0.00");
}
END_TEST

START_TEST(test_sequence)
{
    const void *o;
    uint32_t n;
    ck_assert_int_eq(srt_array_sequence(q, 1, 10, 3, 1, 1, &o, &n), 0);
    ck_assert_int_eq(n, 4);
    ck_assert_int_eq(((const SrtDatum *)o)[3].i, 10);
    ck_assert_int_eq(srt_array_sequence(q, 5, 1, 0, 0, 0, &o, &n), 0);
    ck_assert_int_eq(n, 5);
    ck_assert_int_eq(((const SrtDatum *)o)[4].i, 1);
    ck_assert_int_eq(srt_array_sequence(q, 3, 3, 0, 1, 0, &o, &n), 0);
    ck_assert_int_eq(n, 1);
}
END_TEST

START_TEST(test_next_day_make_timestamp)
{
    int64_t v;
    ck_assert_int_eq(srt_date_next_day(16449, S("TU"), &v), 0); /* 2015-01-14 -> 2015-01-20 */
    ck_assert_int_eq(v, 16455);
    ck_assert_int_eq(srt_date_next_day(16449, S("wednesday"), &v), 0);
    ck_assert_int_eq(v, 16456);
    ck_assert_int_eq(srt_date_next_day(16449, S("xx"), &v), SRT_DATE_INVALID);
    ck_assert_int_eq(srt_make_timestamp(1970, 1, 1, 0, 0, 60000000, 0, &v), 0);
    ck_assert_int_eq(v, 60000000);
    ck_assert_int_eq(srt_make_timestamp(1970, 1, 1, 0, 0, 60500000, 0, &v), SRT_DATE_INVALID);
    ck_assert_int_eq(srt_make_timestamp(1970, 1, 1, 1, 0, 0, 3600, &v), 0);
    ck_assert_int_eq(v, 0);
    ck_assert_int_eq(srt_make_timestamp(2019, 2, 29, 0, 0, 0, 0, &v), SRT_DATE_INVALID);
    ck_assert_int_eq(srt_make_timestamp(300000, 1, 1, 0, 0, 0, 0, &v), SRT_DATE_OVERFLOW);
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
    tcase_add_test(tc, test_encode_decode);
    tcase_add_test(tc, test_format_number);
    tcase_add_test(tc, test_sequence);
    tcase_add_test(tc, test_next_day_make_timestamp);
    suite_add_tcase(s, tc);
    return s;
}
