/* check_rt_mathfn.c - log2 ... factorial of srt_math.c and bround's HALF_EVEN (srt_func.c,
** srt_decimal.c) on their corner cases, against Java's answers. */
#include <check.h>
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "srt_abi.h"

/* Bit-for-bit equality (tells -0.0 from 0.0; any NaN equals NaN). */
static int same(double a, double b)
{
    if (isnan(a) || isnan(b))
        return isnan(a) && isnan(b);
    return memcmp(&a, &b, sizeof a) == 0;
}

#define ck_same(got, want)                                                                         \
    ck_assert_msg(same((got), (want)), "%s: got %.17g, want %.17g", #got, (got), (want))

START_TEST(unary)
{
    ck_same(srt_math_log2(8.0), 3.0);        /* StrictMath.log(8) / StrictMath.log(2) */
    ck_same(srt_math_log2(1024.0), 10.0);
    ck_same(srt_math_log1p(-0.0), -0.0);
    ck_same(srt_math_log1p(INFINITY), INFINITY);
    ck_same(srt_math_expm1(-INFINITY), -1.0);
    ck_same(srt_math_acos(2.0), NAN);        /* acos(2) is NaN, not NULL */
    ck_same(srt_math_asin(-1.0), -1.5707963267948966);
    ck_same(srt_math_cot(0.0), INFINITY);    /* 1 / tan(0) */
    ck_same(srt_math_cot(-0.0), -INFINITY);
    ck_same(srt_math_degrees(-1.0), -57.29577951308232);
    ck_same(srt_math_radians(180.0), 3.141592653589793);
    ck_same(srt_math_cbrt(-27.0), -3.0); /* fdlibm; glibc gives -3.0000000000000004 */
    ck_same(srt_math_cbrt(2.0), 1.2599210498948732); /* Math.cbrt(2.0) in Java */
    ck_same(srt_math_cbrt(1e-310), 4.641588833612774e-104); /* subnormal, correctly rounded */
    ck_same(srt_math_sinh(-0.0), -0.0);
    ck_same(srt_math_tanh(INFINITY), 1.0);
    ck_same(srt_math_pi(), 3.141592653589793);
    ck_same(srt_math_e(), 2.718281828459045);
}
END_TEST

START_TEST(binary)
{
    /* Atan2: y + 0.0 and x + 0.0 first, so -0.0 is 0.0 */
    ck_same(srt_math_atan2(-0.0, -1.0), 3.141592653589793);
    ck_same(srt_math_atan2(0.0, -0.0), 0.0);
    ck_same(srt_math_atan2(1.0, 0.0), 1.5707963267948966);
    ck_same(srt_math_hypot(3.0, -4.0), 5.0);
    ck_same(srt_math_hypot(NAN, INFINITY), INFINITY); /* Java: an infinity wins over NaN */
    ck_same(srt_math_hypot(1e300, 1e300), 1.4142135623730952e300);
}
END_TEST

START_TEST(factorial)
{
    ck_assert_int_eq(srt_math_factorial(0), 1);
    ck_assert_int_eq(srt_math_factorial(1), 1);
    ck_assert_int_eq(srt_math_factorial(20), 2432902008176640000LL);
}
END_TEST

START_TEST(half_even)
{
    /* BRound: BigDecimal(Double.toString(x)).setScale(d, HALF_EVEN) */
    ck_same(srt_round_f64(2.5, 0, SRT_DEC_HALF_EVEN), 2.0);
    ck_same(srt_round_f64(3.5, 0, SRT_DEC_HALF_EVEN), 4.0);
    ck_same(srt_round_f64(-2.5, 0, SRT_DEC_HALF_EVEN), -2.0);
    ck_same(srt_round_f64(0.5, 0, SRT_DEC_HALF_EVEN), 0.0);
    ck_same(srt_round_f64(-0.5, 0, SRT_DEC_HALF_EVEN), 0.0); /* no negative zero */
    ck_same(srt_round_f64(0.285, 2, SRT_DEC_HALF_EVEN), 0.28);
    ck_same(srt_round_f64(0.2851, 2, SRT_DEC_HALF_EVEN), 0.29); /* not a tie */
    ck_same(srt_round_f64(0.295, 2, SRT_DEC_HALF_EVEN), 0.3);
    ck_same(srt_round_f64(150.0, -2, SRT_DEC_HALF_EVEN), 200.0);
    ck_same(srt_round_f64(250.0, -2, SRT_DEC_HALF_EVEN), 200.0);
    ck_same(srt_round_f64(50.0, -2, SRT_DEC_HALF_EVEN), 0.0);
    ck_same(srt_round_f64(2.5, 0, SRT_DEC_HALF_UP), 3.0);
    ck_assert_int_eq(srt_round_i64(25, -1, SRT_DEC_HALF_EVEN), 20);
    ck_assert_int_eq(srt_round_i64(35, -1, SRT_DEC_HALF_EVEN), 40);
    ck_assert_int_eq(srt_round_i64(-25, -1, SRT_DEC_HALF_EVEN), -20);
    ck_assert_int_eq(srt_round_i64(-26, -1, SRT_DEC_HALF_EVEN), -30);
    ck_assert_int_eq(srt_round_i64(5, -1, SRT_DEC_HALF_EVEN), 0);
    /* decimals: 2.345 -> 2.34, 2.355 -> 2.36, -0.015 -> -0.02 (scale 3 -> 2) */
    ck_assert(srt_dec_round(2345, 3, 2, SRT_DEC_HALF_EVEN, 10) == 234);
    ck_assert(srt_dec_round(2355, 3, 2, SRT_DEC_HALF_EVEN, 10) == 236);
    ck_assert(srt_dec_round(-15, 3, 2, SRT_DEC_HALF_EVEN, 10) == -2);
    ck_assert(srt_dec_round(2346, 3, 2, SRT_DEC_HALF_EVEN, 10) == 235);
}
END_TEST

Suite *rt_mathfn_suite(void)
{
    Suite *s = suite_create("rt_mathfn");
    TCase *tc = tcase_create("math");
    tcase_add_test(tc, unary);
    tcase_add_test(tc, binary);
    tcase_add_test(tc, factorial);
    tcase_add_test(tc, half_even);
    suite_add_tcase(s, tc);
    return s;
}
