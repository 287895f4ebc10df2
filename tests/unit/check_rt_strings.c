/* check_rt_strings.c - string helpers (compare, LIKE, length, case, concat), casts
** from and to strings, and Java's Double.toString.
*/
#include <check.h>
#include <float.h>
#include <math.h>
#include <string.h>

#include "srt_int.h"

#define S(x) x, (uint32_t)strlen(x)

static const struct {
    const char *s, *pat;
    int match;
} like_cases[] = {
    {"walking upstairs", "%stairs%", 1},
    {"stairs", "%stairs%", 1},
    {"stair", "%stairs%", 0},
    {"abc", "abc", 1},
    {"abc", "ab", 0},
    {"abc", "a_c", 1},
    {"abc", "a__c", 0},
    {"abc", "%", 1},
    {"", "%", 1},
    {"", "", 1},
    {"", "_", 0},
    {"a", "", 0},
    {"abc", "%c", 1},
    {"abcabc", "%bc", 1},
    {"abcabd", "%bc", 0},
    {"aaa", "a%a%a", 1},
    {"aa", "a%a%a", 0},
    {"mississippi", "m%iss%ppi", 1},
    {"mississippi", "m%is%s%is%p_i", 1},
    {"100%", "100\\%", 1},
    {"100x", "100\\%", 0},
    {"a_c", "a\\_c", 1},
    {"abc", "a\\_c", 0},
    {"a\\c", "a\\\\c", 1},
    {"ends\\", "ends\\", 1},
    {"caf\xc3\xa9", "caf_", 1},   /* _ matches one code point, not one byte */
    {"caf\xc3\xa9", "caf__", 0},
    {"\xe6\x97\xa5\xe6\x9c\xac", "_\xe6\x9c\xac", 1},
    {"\xf0\x9f\x98\x80x", "_x", 1},
    {"ABC", "abc", 0},
};

START_TEST(test_like)
{
    for (size_t i = 0; i < sizeof like_cases / sizeof like_cases[0]; i++)
        ck_assert_msg(srt_like(S(like_cases[i].s), S(like_cases[i].pat)) == like_cases[i].match,
                      "case %zu: '%s' LIKE '%s'", i, like_cases[i].s, like_cases[i].pat);
}
END_TEST

START_TEST(test_cmp_length)
{
    ck_assert_int_eq(srt_str_cmp(S("abc"), S("abc")), 0);
    ck_assert_int_lt(srt_str_cmp(S("ab"), S("abc")), 0);
    ck_assert_int_gt(srt_str_cmp(S("abd"), S("abc")), 0);
    ck_assert_int_lt(srt_str_cmp(S(""), S("a")), 0);
    ck_assert_int_eq(srt_str_cmp(S(""), S("")), 0);
    ck_assert_int_gt(srt_str_cmp(S("\xc3\xa9"), S("z")), 0); /* byte-wise, unsigned */
    ck_assert_int_lt(srt_str_cmp(S("Z"), S("a")), 0);
    ck_assert_int_eq(srt_str_length(S("")), 0);
    ck_assert_int_eq(srt_str_length(S("abc")), 3);
    ck_assert_int_eq(srt_str_length(S("caf\xc3\xa9")), 4);
    ck_assert_int_eq(srt_str_length(S("\xe6\x97\xa5\xe6\x9c\xac")), 2);
    ck_assert_int_eq(srt_str_length(S("\xf0\x9f\x98\x80")), 1);
}
END_TEST

START_TEST(test_case_concat)
{
    SrtMem mem;
    srt_mem_init(&mem);
    SrtQuery *q = srt_query_new_detached(&mem);
    static const struct {
        const char *in, *lower, *upper;
    } cases[] = {
        {"Hello World", "hello world", "HELLO WORLD"},
        {"already lower", "already lower", "ALREADY LOWER"},
        {"\xc3\x89t\xc3\xa9", "\xc3\xa9t\xc3\xa9", "\xc3\x89T\xc3\x89"},         /* Été */
        {"\xc3\x97\xc3\xb7", "\xc3\x97\xc3\xb7", "\xc3\x97\xc3\xb7"},             /* × ÷ unchanged */
        {"stra\xc3\x9f" "e", "stra\xc3\x9f" "e", "STRASSE"},
        {"\xc3\xbf", "\xc3\xbf", "\xc5\xb8"},
        {"\xe6\x97\xa5x", "\xe6\x97\xa5x", "\xe6\x97\xa5X"},
        {"", "", ""},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const char *o;
        uint32_t n;
        srt_str_lower(q, S(cases[i].in), &o, &n);
        ck_assert_msg(n == strlen(cases[i].lower) && memcmp(o, cases[i].lower, n) == 0, "lower %zu", i);
        srt_str_upper(q, S(cases[i].in), &o, &n);
        ck_assert_msg(n == strlen(cases[i].upper) && memcmp(o, cases[i].upper, n) == 0,
                      "upper %zu: '%.*s'", i, (int)n, o);
    }
    const char *o;
    uint32_t n;
    srt_str_concat(q, S("foo"), S("bar"), &o, &n);
    ck_assert_uint_eq(n, 6);
    ck_assert(memcmp(o, "foobar", 6) == 0);
    srt_str_concat(q, S(""), S(""), &o, &n);
    ck_assert_uint_eq(n, 0);
    srt_query_free(q);
}
END_TEST

static const struct {
    const char *in;
    int ok64, ok32;
    int64_t v;
} int_casts[] = {
    {"42", 1, 1, 42},
    {"  -17  ", 1, 1, -17},
    {"+5", 1, 1, 5},
    {"1.9", 1, 1, 1},
    {"-1.9", 1, 1, -1},
    {"7.", 1, 1, 7},
    {".5", 1, 1, 0},
    {"2147483647", 1, 1, 2147483647},
    {"2147483648", 1, 0, 2147483648LL},
    {"-2147483648", 1, 1, -2147483648LL},
    {"9223372036854775807", 1, 0, INT64_MAX},
    {"-9223372036854775808", 1, 0, INT64_MIN},
    {"9223372036854775808", 0, 0, 0},
    {"1e3", 0, 0, 0},
    {"1.2.3", 0, 0, 0},
    {"abc", 0, 0, 0},
    {"12a", 0, 0, 0},
    {"", 0, 0, 0},
    {"   ", 0, 0, 0},
    {"-", 0, 0, 0},
    {"\t8\n", 1, 1, 8},
};

START_TEST(test_cast_int)
{
    for (size_t i = 0; i < sizeof int_casts / sizeof int_casts[0]; i++) {
        int64_t v = -777;
        int rc = srt_cast_str_i64(S(int_casts[i].in), &v);
        ck_assert_msg((rc == 0) == int_casts[i].ok64, "i64 case %zu (%s)", i, int_casts[i].in);
        if (rc == 0)
            ck_assert_int_eq(v, int_casts[i].v);
        rc = srt_cast_str_i32(S(int_casts[i].in), &v);
        ck_assert_msg((rc == 0) == int_casts[i].ok32, "i32 case %zu (%s)", i, int_casts[i].in);
        if (rc == 0)
            ck_assert_int_eq(v, int_casts[i].v);
    }
}
END_TEST

START_TEST(test_cast_double_bool_ts)
{
    static const struct {
        const char *in;
        int ok;
        double v;
    } d[] = {
        {"2.5", 1, 2.5},       {" -1e3 ", 1, -1000},     {".5", 1, 0.5},     {"5.", 1, 5},
        {"1.5d", 1, 1.5},      {"Infinity", 1, INFINITY}, {"-inf", 1, -INFINITY},
        {"+INFINITY", 1, INFINITY}, {"1e", 0, 0},        {"abc", 0, 0},      {"", 0, 0},
        {"0x10", 0, 0},        {"1,5", 0, 0},            {"nan", 1, NAN},
    };
    for (size_t i = 0; i < sizeof d / sizeof d[0]; i++) {
        double v = -777;
        int rc = srt_cast_str_f64(S(d[i].in), &v);
        ck_assert_msg((rc == 0) == d[i].ok, "f64 case %zu (%s)", i, d[i].in);
        if (rc == 0 && isnan(d[i].v))
            ck_assert(isnan(v));
        else if (rc == 0)
            ck_assert_msg(v == d[i].v, "f64 case %zu: %g", i, v);
    }
    static const struct {
        const char *in;
        int ok, v;
    } b[] = {{"true", 1, 1}, {"TRUE", 1, 1}, {" t ", 1, 1}, {"yes", 1, 1}, {"y", 1, 1},
             {"1", 1, 1},    {"false", 1, 0}, {"F", 1, 0},  {"no", 1, 0},  {"n", 1, 0},
             {"0", 1, 0},    {"2", 0, 0},     {"", 0, 0},   {"truth", 0, 0}};
    for (size_t i = 0; i < sizeof b / sizeof b[0]; i++) {
        int64_t v = -1;
        int rc = srt_cast_str_bool(S(b[i].in), &v);
        ck_assert_msg((rc == 0) == b[i].ok, "bool case %zu (%s)", i, b[i].in);
        if (rc == 0)
            ck_assert_int_eq(v, b[i].v);
    }
    int64_t us;
    ck_assert_int_eq(srt_cast_str_ts(S(" 2016-07-26 02:54:35 "), &us), 0);
    ck_assert_int_eq(us, 1469501675000000LL);
    ck_assert_int_eq(srt_cast_str_ts(S("not a time"), &us), -1);
}
END_TEST

static const struct {
    double v;
    const char *out;
} double_cases[] = {
    {1.0, "1.0"},
    {-0.0, "-0.0"},
    {0.0, "0.0"},
    {2.5, "2.5"},
    {-2.5, "-2.5"},
    {0.1, "0.1"},
    {0.001, "0.001"},
    {1.0E-4, "1.0E-4"},
    {1.0E-5, "1.0E-5"},
    {123.456, "123.456"},
    {1.0E7, "1.0E7"},
    {9999999.0, "9999999.0"},
    {12345678.9, "1.23456789E7"},
    {1.0E21, "1.0E21"},
    {1.0E22, "1.0E22"},
    {1.0E23, "1.0E23"},
    {100.0, "100.0"},
    {1234567.0, "1234567.0"},
    {0.3, "0.3"},
    {0.1 + 0.2, "0.30000000000000004"},
    {1.0 / 3, "0.3333333333333333"},
    {2.0 / 3, "0.6666666666666666"},
    {NAN, "NaN"},
    {INFINITY, "Infinity"},
    {-INFINITY, "-Infinity"},
    {4.9E-324, "4.9E-324"},
    {1.7976931348623157E308, "1.7976931348623157E308"},
    {2.2250738585072014E-308, "2.2250738585072014E-308"},
    {DBL_EPSILON, "2.220446049250313E-16"},
    {123456789012.0, "1.23456789012E11"},
    {0.00123, "0.00123"},
    {-1.5E-10, "-1.5E-10"},
    {5.0E-324 * 3, "1.5E-323"},
};

START_TEST(test_fmt_double)
{
    for (size_t i = 0; i < sizeof double_cases / sizeof double_cases[0]; i++) {
        char buf[32];
        uint32_t n = srt_fmt_double(double_cases[i].v, buf);
        ck_assert_msg(n == strlen(double_cases[i].out) && strcmp(buf, double_cases[i].out) == 0,
                      "case %zu: got '%s' want '%s'", i, buf, double_cases[i].out);
    }
}
END_TEST

/* Whatever the double, the text reads back as the same value. */
START_TEST(test_fmt_double_roundtrip)
{
    uint64_t x = 88172645463325252ull;
    for (int i = 0; i < 20000; i++) {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        double d;
        memcpy(&d, &x, sizeof d);
        if (!isfinite(d))
            continue;
        char buf[32];
        uint32_t n = srt_fmt_double(d, buf);
        ck_assert(n < 32);
        double back;
        ck_assert_int_eq(srt_cast_str_f64(buf, n, &back), 0);
        ck_assert_msg(back == d, "%s", buf);
    }
}
END_TEST

START_TEST(test_cast_to_string)
{
    SrtMem mem;
    srt_mem_init(&mem);
    SrtQuery *q = srt_query_new_detached(&mem);
    const char *o;
    uint32_t n;
    srt_cast_i64_str(q, INT64_MIN, &o, &n);
    ck_assert(n == 20 && memcmp(o, "-9223372036854775808", n) == 0);
    srt_cast_i64_str(q, 0, &o, &n);
    ck_assert(n == 1 && o[0] == '0');
    srt_cast_f64_str(q, 1e7, &o, &n);
    ck_assert(n == 5 && memcmp(o, "1.0E7", n) == 0);
    srt_cast_ts_str(q, 1469501675500000LL, &o, &n);
    ck_assert(n == 21 && memcmp(o, "2016-07-26 02:54:35.5", n) == 0);
    srt_cast_bool_str(q, 1, &o, &n);
    ck_assert(n == 4 && memcmp(o, "true", n) == 0);
    srt_cast_bool_str(q, 0, &o, &n);
    ck_assert(n == 5 && memcmp(o, "false", n) == 0);
    srt_query_free(q);
}
END_TEST

Suite *rt_strings_suite(void)
{
    Suite *s = suite_create("rt_strings");
    TCase *ts = tcase_create("strings");
    tcase_add_test(ts, test_like);
    tcase_add_test(ts, test_cmp_length);
    tcase_add_test(ts, test_case_concat);
    suite_add_tcase(s, ts);
    TCase *tc = tcase_create("casts");
    tcase_add_test(tc, test_cast_int);
    tcase_add_test(tc, test_cast_double_bool_ts);
    tcase_add_test(tc, test_fmt_double);
    tcase_add_test(tc, test_fmt_double_roundtrip);
    tcase_add_test(tc, test_cast_to_string);
    suite_add_tcase(s, tc);
    return s;
}
