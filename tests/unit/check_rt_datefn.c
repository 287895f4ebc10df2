/* check_rt_datefn.c - the date function bodies of srt_time.c against java.time's answers. */
#include <check.h>
#include <stdint.h>

#include "srt_abi.h"

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

Suite *rt_datefn_suite(void)
{
    Suite *s = suite_create("rt_datefn");
    TCase *tc = tcase_create("dates");
    tcase_add_test(tc, fields);
    tcase_add_test(tc, add_months_make_date);
    tcase_add_test(tc, months_between);
    suite_add_tcase(s, tc);
    return s;
}
