/* check_rt_math.c - the math helpers of srt_math.c against Java's special cases, and the timestamp field helpers of year() ... second(). */
#include <check.h>
#include <math.h>
#include <string.h>

#include "srt_abi.h"

/* Bit-for-bit equality (tells -0.0 from 0.0; any NaN equals NaN). */
static int same(double a, double b)
{
    if (isnan(a) || isnan(b))
        return isnan(a) && isnan(b);
    return memcmp(&a, &b, sizeof a) == 0;
}

#define ck_same(got, want) ck_assert_msg(same((got), (want)), "%s: got %.17g, want %.17g", #got, (got), (want))

START_TEST(signum_cases)
{
    /* Math.signum: the sign as +-1.0; zeros keep their sign; NaN stays NaN */
    ck_same(srt_math_signum(42.5), 1.0);
    ck_same(srt_math_signum(-1e-300), -1.0);
    ck_same(srt_math_signum(INFINITY), 1.0);
    ck_same(srt_math_signum(-INFINITY), -1.0);
    ck_same(srt_math_signum(0.0), 0.0);
    ck_same(srt_math_signum(-0.0), -0.0);
    ck_same(srt_math_signum(NAN), NAN);
}
END_TEST

START_TEST(pow_cases)
{
    ck_same(srt_math_pow(2.0, 10.0), 1024.0);
    ck_same(srt_math_pow(-8.0, 3.0), -512.0);
    ck_same(srt_math_pow(4.0, 0.5), 2.0);
    /* Java: a zero exponent gives 1.0, even for NaN */
    ck_same(srt_math_pow(NAN, 0.0), 1.0);
    ck_same(srt_math_pow(NAN, -0.0), 1.0);
    /* Java: a NaN exponent gives NaN, also for 1.0 (C gives 1.0) */
    ck_same(srt_math_pow(1.0, NAN), NAN);
    /* Java: |x| = 1 with an infinite exponent gives NaN (C gives 1.0) */
    ck_same(srt_math_pow(1.0, INFINITY), NAN);
    ck_same(srt_math_pow(-1.0, -INFINITY), NAN);
    ck_same(srt_math_pow(-8.0, 1.0 / 3.0), NAN);
    ck_same(srt_math_pow(0.0, -1.0), INFINITY);
    ck_same(srt_math_pow(-0.0, -1.0), -INFINITY);
    ck_same(srt_math_pow(1000.0, -INFINITY), 0.0);
    ck_same(srt_math_pow(0.5, -INFINITY), INFINITY);
}
END_TEST

START_TEST(exp_log_cases)
{
    ck_same(srt_math_exp(0.0), 1.0);
    ck_same(srt_math_exp(-0.0), 1.0);
    ck_same(srt_math_exp(-INFINITY), 0.0);
    ck_same(srt_math_exp(INFINITY), INFINITY);
    ck_same(srt_math_exp(1000.0), INFINITY);
    ck_same(srt_math_exp(-1000.0), 0.0);
    ck_same(srt_math_exp(NAN), NAN);
    ck_same(srt_math_ln(1.0), 0.0);
    ck_same(srt_math_ln(INFINITY), INFINITY);
    ck_same(srt_math_ln(NAN), NAN);
    /* log10(10^n) = n for n = 0..22, as fdlibm's e_log10.c promises */
    double p = 1.0;
    for (int n = 0; n <= 22; n++, p *= 10.0)
        ck_same(srt_math_log10(p), (double)n);
    ck_same(srt_math_log10(INFINITY), INFINITY);
    ck_same(srt_math_log10(NAN), NAN);
}
END_TEST

START_TEST(ts_fields)
{
    /* 2016-07-26 02:54:35.5 UTC and 1969-12-31 23:59:59 (before 1970) */
    int64_t t = 1469501675500000LL, before = -1000000LL;
    ck_assert_int_eq(srt_ts_year(t), 2016);
    ck_assert_int_eq(srt_ts_month(t), 7);
    ck_assert_int_eq(srt_ts_day(t), 26);
    ck_assert_int_eq(srt_ts_hour(t), 2);
    ck_assert_int_eq(srt_ts_minute(t), 54);
    ck_assert_int_eq(srt_ts_second(t), 35);
    ck_assert_int_eq(srt_ts_year(before), 1969);
    ck_assert_int_eq(srt_ts_day(before), 31);
    ck_assert_int_eq(srt_ts_second(before), 59);
}
END_TEST

Suite *rt_math_suite(void)
{
    Suite *s = suite_create("rt_math");
    TCase *tc = tcase_create("math");
    tcase_add_test(tc, signum_cases);
    tcase_add_test(tc, pow_cases);
    tcase_add_test(tc, exp_log_cases);
    tcase_add_test(tc, ts_fields);
    suite_add_tcase(s, tc);
    return s;
}
