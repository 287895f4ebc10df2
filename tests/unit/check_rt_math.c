/* check_rt_math.c - srt_math.c against Java 17's StrictMath bit for bit; year() ... second();
** log2 ... factorial and bround's HALF_EVEN rounding on their corner cases; the date
** functions (dayofweek ... months_between) against java.time's answers. */
#include <check.h>
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "srt_abi.h"
#include "srt_int.h"

/* Bit-for-bit equality (tells -0.0 from 0.0; any NaN equals NaN). */
static int same(double a, double b)
{
    if (isnan(a) || isnan(b))
        return isnan(a) && isnan(b);
    return memcmp(&a, &b, sizeof a) == 0;
}

#define ck_same(got, want)                                                                         \
    ck_assert_msg(same((got), (want)), "%s: got %.17g, want %.17g", #got, (got), (want))

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

static double from_bits(uint64_t b)
{
    double x;
    memcpy(&x, &b, sizeof x);
    return x;
}

/* Results of Java 17's StrictMath (the bits of each double), where glibc's functions differ
   or the rounding is delicate: overflow and underflow ranges, subnormals, exactness. */
static const struct {
    double x;
    uint64_t want;
} exp_java[] = {
    {1.0, 0x4005bf0a8b14576aULL},     /* 2.7182818284590455 (glibc: 2.718281828459045) */
    {0.1, 0x3ff1aec7b35a00d4ULL},     /* 1.1051709180756477 */
    {-2.5, 0x3fb50385c094f425ULL},    /* 0.0820849986238988 */
    {10.5, 0x40e1bb7015e84d3bULL},    /* 36315.502674246636 */
    {700.0, 0x7f0d945df4f8ec8eULL},   /* 1.0142320547350045E304 */
    {-700.0, 0x00d14f2b0fb9307fULL},  /* 9.85967654375977E-305 */
    {1.0E-10, 0x3ff000000006df38ULL}, /* 1.0000000001 */
};

static const struct {
    double x;
    uint64_t ln, log10;
} log_java[] = {
    {10.0, 0x40026bb1bbb55516ULL, 0x3ff0000000000000ULL},
    {0.1, 0xc0026bb1bbb55515ULL, 0xbff0000000000000ULL},
    {2.0, 0x3fe62e42fefa39efULL, 0x3fd34413509f79ffULL},
    {1.0E-300, 0xc085963447f87fb5ULL, 0xc072c00000000000ULL},
    {4.9E-324, 0xc0874385446d71c3ULL, 0xc07434e6420f4374ULL},
    {123456.789, 0x40277281cad8a844ULL, 0x40145db61a282512ULL},
};

static const struct {
    double x, y;
    uint64_t want;
} pow_java[] = {
    {2.0, 0.5, 0x3ff6a09e667f3bcdULL},                /* 1.4142135623730951 */
    {10.0, -3.0, 0x3f50624dd2f1a9fcULL},              /* 0.001 */
    {1.5, 100.5, 0x439ba4104f641d8cULL},              /* 4.9793371709318016E17 */
    {7.0, 0.3333333333333333, 0x3ffe9b5dba58189dULL}, /* 1.912931182772389 */
    {-2.0, 63.0, 0xc3e0000000000000ULL},              /* -9.223372036854776E18 */
    {0.1, 0.1, 0x3fe96b230bcdc434ULL},                /* 0.7943282347242815 */
    {1.0000001, 1.0E9, 0x48f349445c228792ULL},        /* 2.6881038582144647E43 */
    {2.0, -1074.0, 0x0000000000000001ULL},            /* 4.9E-324 */
    {2.0, -1075.0, 0x0000000000000000ULL},            /* 0.0 */
    {3.0, 2.5, 0x402f2d4a45635640ULL},                /* 15.588457268119896 */
};

START_TEST(strict_math)
{
    for (size_t i = 0; i < sizeof exp_java / sizeof exp_java[0]; i++)
        ck_same(srt_math_exp(exp_java[i].x), from_bits(exp_java[i].want));
    for (size_t i = 0; i < sizeof log_java / sizeof log_java[0]; i++) {
        ck_same(srt_math_ln(log_java[i].x), from_bits(log_java[i].ln));
        ck_same(srt_math_log10(log_java[i].x), from_bits(log_java[i].log10));
    }
    for (size_t i = 0; i < sizeof pow_java / sizeof pow_java[0]; i++)
        ck_same(srt_math_pow(pow_java[i].x, pow_java[i].y), from_bits(pow_java[i].want));
}
END_TEST

START_TEST(ts_fields)
{
    /* 2016-07-26 02:54:35.5 UTC and 1969-12-31 23:59:59 (before 1970) */
    int64_t t = 1469501675500000LL, before = -1000000LL;
    ck_assert_int_eq(srt_date_year(t / 86400000000LL), 2016);
    ck_assert_int_eq(srt_date_month(t / 86400000000LL), 7);
    ck_assert_int_eq(srt_date_day(t / 86400000000LL), 26);
    ck_assert_int_eq(srt_ts_hour(t), 2);
    ck_assert_int_eq(srt_ts_minute(t), 54);
    ck_assert_int_eq(srt_ts_second(t), 35);
    ck_assert_int_eq(srt_date_year(-1), 1969); /* its day, -1 */
    ck_assert_int_eq(srt_date_day(-1), 31);
    ck_assert_int_eq(srt_ts_second(before), 59);
}
END_TEST

/* log2 ... factorial (Spark's mathExpressions.scala) and bround's HALF_EVEN */

START_TEST(unary)
{
    ck_same(srt_math_log2(8.0), 3.0); /* StrictMath.log(8) / StrictMath.log(2) */
    ck_same(srt_math_log2(1024.0), 10.0);
    ck_same(srt_math_log1p(-0.0), -0.0);
    ck_same(srt_math_log1p(INFINITY), INFINITY);
    ck_same(srt_math_expm1(-INFINITY), -1.0);
    ck_same(srt_math_acos(2.0), NAN); /* acos(2) is NaN, not NULL */
    ck_same(srt_math_asin(-1.0), -1.5707963267948966);
    ck_same(srt_math_cot(0.0), INFINITY); /* 1 / tan(0) */
    ck_same(srt_math_cot(-0.0), -INFINITY);
    ck_same(srt_math_degrees(-1.0), -57.29577951308232);
    ck_same(srt_math_radians(180.0), 3.141592653589793);
    ck_same(srt_math_cbrt(-27.0), -3.0);             /* fdlibm; glibc gives -3.0000000000000004 */
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

/* The date functions of srt_time.c (dayofweek ... months_between) against java.time. */

/* Day numbers (python3: (date(y, m, d) - date(1970, 1, 1)).days). */
#define D_2024_02_29 19782
#define D_2023_01_01 19358
#define D_2020_12_31 18627
#define D_1969_12_31 (-1)
#define D_MAX 2147483647LL        /* +5881580-07-11 */
#define D_MIN (-2147483647LL - 1) /* -5877641-06-23 */

static int64_t trunc_week(int64_t d)
{
    return srt_date_trunc(d, SRT_TRUNC_WEEK);
}
static int64_t trunc_month(int64_t d)
{
    return srt_date_trunc(d, SRT_TRUNC_MONTH);
}
static int64_t trunc_quarter(int64_t d)
{
    return srt_date_trunc(d, SRT_TRUNC_QUARTER);
}
static int64_t trunc_year(int64_t d)
{
    return srt_date_trunc(d, SRT_TRUNC_YEAR);
}

START_TEST(fields)
{
    static const struct {
        int64_t (*fn)(int64_t);
        const char *what;
        int64_t days, want;
    } cases[] = {
        {srt_date_dayofweek, "dayofweek(2024-02-29), Thursday, 1 = Sunday", D_2024_02_29, 5},
        {srt_date_weekday, "weekday(2024-02-29), 0 = Monday", D_2024_02_29, 3},
        {srt_date_dayofweek, "dayofweek(2023-01-01)", D_2023_01_01, 1},
        {srt_date_weekday, "weekday(2023-01-01)", D_2023_01_01, 6},
        {srt_date_dayofweek, "dayofweek(1969-12-31), before the epoch", D_1969_12_31, 4},
        {srt_date_weekday, "weekday(1969-12-31)", D_1969_12_31, 2},
        {srt_date_dayofyear, "dayofyear(2020-12-31)", D_2020_12_31, 366},
        {srt_date_quarter, "quarter(2020-12-31)", D_2020_12_31, 4},
        /* ISO weeks: 2023-01-01 in week 52 of 2022, 2020-12-31 in week 53 of 2020 */
        {srt_date_weekofyear, "weekofyear(2023-01-01)", D_2023_01_01, 52},
        {srt_date_weekofyear, "weekofyear(2020-12-31)", D_2020_12_31, 53},
        {srt_date_weekofyear, "weekofyear(1969-12-31)", D_1969_12_31, 1},
        /* the extremes of an INT of days: Friday +5881580-07-11, Tuesday -5877641-06-23
           (python3: the date 400-year cycles of 146097 days = 20871 weeks nearer) */
        {srt_date_weekday, "weekday(+5881580-07-11)", D_MAX, 4},
        {srt_date_dayofweek, "dayofweek(-5877641-06-23)", D_MIN, 3},
        {srt_date_last_day, "last_day(2024-02-01)", D_2024_02_29 - 28, D_2024_02_29},
        {srt_date_last_day, "last_day(1969-12-31)", D_1969_12_31, D_1969_12_31},
        {trunc_week, "trunc(2024-02-29, WEEK)", D_2024_02_29, D_2024_02_29 - 3},
        {trunc_month, "trunc(2024-02-29, MONTH)", D_2024_02_29, D_2024_02_29 - 28},
        {trunc_quarter, "trunc(2024-02-29, QUARTER)", D_2024_02_29, 19723}, /* 2024-01-01 */
        {trunc_year, "trunc(2024-02-29, YEAR)", D_2024_02_29, 19723},
        {trunc_quarter, "trunc(1969-12-31, QUARTER)", D_1969_12_31, -92}, /* 1969-10-01 */
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        int64_t got = cases[i].fn(cases[i].days);
        ck_assert_msg(got == cases[i].want, "%s: got %lld, want %lld", cases[i].what,
                      (long long)got, (long long)cases[i].want);
    }
}
END_TEST

START_TEST(add_months_make_date)
{
    int64_t out;
    ck_assert_int_eq(srt_date_add_months(19753, 1, &out), 0); /* 2024-01-31 + 1 */
    ck_assert_int_eq(out, D_2024_02_29);
    ck_assert_int_eq(srt_date_add_months(D_2024_02_29, 12, &out), 0);
    ck_assert_int_eq(out, 20147); /* 2025-02-28 */
    ck_assert_int_eq(srt_date_add_months(D_1969_12_31, -1, &out), 0);
    ck_assert_int_eq(out, -32); /* 1969-11-30 */
    ck_assert_int_eq(srt_date_add_months(D_MAX, 1, &out), SRT_DATE_OVERFLOW);
    ck_assert_int_eq(srt_date_add_months(D_MIN, INT32_MIN, &out), SRT_DATE_OVERFLOW);
    ck_assert_int_eq(srt_make_date(2024, 2, 29, &out), 0);
    ck_assert_int_eq(out, D_2024_02_29);
    ck_assert_int_eq(srt_make_date(2023, 2, 29, &out), SRT_DATE_INVALID);
    ck_assert_int_eq(srt_make_date(2023, 0, 1, &out), SRT_DATE_INVALID);
    ck_assert_int_eq(srt_make_date(2023, 4, 31, &out), SRT_DATE_INVALID);
    ck_assert_int_eq(srt_make_date(5881580, 7, 11, &out), 0);
    ck_assert_int_eq(out, D_MAX);
    ck_assert_int_eq(srt_make_date(-5877641, 6, 23, &out), 0);
    ck_assert_int_eq(out, D_MIN);
    ck_assert_int_eq(srt_make_date(-5877641, 6, 22, &out), SRT_DATE_OVERFLOW);
    ck_assert_int_eq(srt_make_date(1000000000, 1, 1, &out), SRT_DATE_INVALID);
    ck_assert_int_eq(srt_make_date(INT32_MIN, 1, 1, &out), SRT_DATE_INVALID);
}
END_TEST

START_TEST(months_between)
{
    /* Spark's example: months_between('1997-02-28 10:30:00', '1996-10-30') = 3.94959677 */
    int64_t a = 857125800000000LL, b = 846633600000000LL;
    ck_assert_double_eq(srt_months_between(a, b, 1), 3.94959677);
    ck_assert_double_eq(srt_months_between(a, b, 0), 3.9495967741935485);
    ck_assert_double_eq(srt_months_between(b, a, 1), -3.94959677);
    /* both last days of their month: whole months whatever the time of day */
    ck_assert_double_eq(srt_months_between(1711843200000000LL, 1709208000000000LL, 1), 1.0);
}
END_TEST

/* Spark's XORShiftRandom (srt_partition.c): rand(0) and randn(0) of randomExpressions.scala's
   examples, then the sequence of seed 0 (nextDouble) and the pair nextGaussian makes. */
START_TEST(xorshift_random)
{
    uint64_t st = srt_xorshift_seed(0);
    ck_same(srt_xorshift_double(&st), 0.7604953758285915);
    ck_same(srt_xorshift_double(&st), 0.5234194256885571);
    ck_same(srt_xorshift_double(&st), 0.0953472826424725);
    st = srt_xorshift_seed(0);
    int have = 0;
    double next = 0;
    ck_same(srt_xorshift_gaussian(&st, &have, &next), 1.6034991609278433);
    ck_assert_int_eq(have, 1);
    ck_same(srt_xorshift_gaussian(&st, &have, &next), next);
    ck_assert_int_eq(have, 0);
}
END_TEST

Suite *rt_math_suite(void)
{
    Suite *s = suite_create("rt_math");
    TCase *tc = tcase_create("math");
    tcase_add_test(tc, signum_cases);
    tcase_add_test(tc, pow_cases);
    tcase_add_test(tc, exp_log_cases);
    tcase_add_test(tc, strict_math);
    tcase_add_test(tc, ts_fields);
    tcase_add_test(tc, xorshift_random);
    suite_add_tcase(s, tc);
    tc = tcase_create("more math");
    tcase_add_test(tc, unary);
    tcase_add_test(tc, binary);
    tcase_add_test(tc, factorial);
    tcase_add_test(tc, half_even);
    suite_add_tcase(s, tc);
    tc = tcase_create("dates");
    tcase_add_test(tc, fields);
    tcase_add_test(tc, add_months_make_date);
    tcase_add_test(tc, months_between);
    suite_add_tcase(s, tc);
    return s;
}
