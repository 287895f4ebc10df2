/* check_common_ansi_iv.c - ANSI interval values as text (common/cm_ansi_iv.c): Spark 3.5's
** toDayTimeIntervalString / toYearMonthIntervalString and castStringToDTInterval /
** castStringToYMInterval.  Expected values worked out by hand from IntervalUtils.
*/
#include <check.h>
#include <string.h>

#include "common/cm_ansi_iv.h"

#define S 1000000LL
#define M (60 * S)
#define H (60 * M)
#define D (24 * H)

enum { DAY = CM_DT_DAY, HOUR = CM_DT_HOUR, MINUTE = CM_DT_MINUTE, SECOND = CM_DT_SECOND };

START_TEST(test_dt_format)
{
    static const struct {
        int64_t us;
        int from, to;
        const char *text;
    } cases[] = {
        {0, DAY, SECOND, "INTERVAL '0 00:00:00' DAY TO SECOND"},
        {D + 2 * H + 3 * M + 4 * S + 500000, DAY, SECOND, "INTERVAL '1 02:03:04.5' DAY TO SECOND"},
        {-(D + 2 * H + 3 * M + 4 * S + 500000), DAY, SECOND, "INTERVAL '-1 02:03:04.5' DAY TO SECOND"},
        {-90 * S, HOUR, SECOND, "INTERVAL '-00:01:30' HOUR TO SECOND"},
        {1500000, SECOND, SECOND, "INTERVAL '01.5' SECOND"},
        {0, SECOND, SECOND, "INTERVAL '00' SECOND"},
        {100 * S, SECOND, SECOND, "INTERVAL '100' SECOND"},
        {10 * S, MINUTE, SECOND, "INTERVAL '00:10' MINUTE TO SECOND"},
        {1, DAY, SECOND, "INTERVAL '0 00:00:00.000001' DAY TO SECOND"},
        {36 * H, DAY, DAY, "INTERVAL '1' DAY"}, /* fields below the end are not shown */
        {36 * H, HOUR, HOUR, "INTERVAL '36' HOUR"},
        {2 * D + 3 * H, DAY, HOUR, "INTERVAL '2 03' DAY TO HOUR"},
        {INT64_MAX, DAY, SECOND, "INTERVAL '106751991 04:00:54.775807' DAY TO SECOND"},
        {INT64_MIN, DAY, SECOND, "INTERVAL '-106751991 04:00:54.775808' DAY TO SECOND"},
        {INT64_MIN, HOUR, HOUR, "INTERVAL '-2562047788' HOUR"},
        {INT64_MIN, MINUTE, SECOND, "INTERVAL '-153722867280:54.775808' MINUTE TO SECOND"},
        {INT64_MIN, SECOND, SECOND, "INTERVAL '-9223372036854.775808' SECOND"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char out[CM_IV_TEXT_MAX + 1];
        size_t n = cm_dti_format(cases[i].us, cases[i].from, cases[i].to, out);
        out[n] = '\0';
        ck_assert_str_eq(out, cases[i].text);
    }
}
END_TEST

START_TEST(test_ym_format)
{
    static const struct {
        int32_t months;
        int from, to;
        const char *text;
    } cases[] = {
        {14, CM_YM_YEAR, CM_YM_MONTH, "INTERVAL '1-2' YEAR TO MONTH"},
        {-3, CM_YM_YEAR, CM_YM_MONTH, "INTERVAL '-0-3' YEAR TO MONTH"},
        {0, CM_YM_YEAR, CM_YM_MONTH, "INTERVAL '0-0' YEAR TO MONTH"},
        {14, CM_YM_YEAR, CM_YM_YEAR, "INTERVAL '1' YEAR"},
        {-14, CM_YM_YEAR, CM_YM_YEAR, "INTERVAL '-1' YEAR"},
        {-14, CM_YM_MONTH, CM_YM_MONTH, "INTERVAL '-14' MONTH"},
        {INT32_MIN, CM_YM_YEAR, CM_YM_MONTH, "INTERVAL '-178956970-8' YEAR TO MONTH"},
        {INT32_MAX, CM_YM_YEAR, CM_YM_MONTH, "INTERVAL '178956970-7' YEAR TO MONTH"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char out[CM_IV_TEXT_MAX + 1];
        size_t n = cm_ymi_format(cases[i].months, cases[i].from, cases[i].to, out);
        out[n] = '\0';
        ck_assert_str_eq(out, cases[i].text);
    }
}
END_TEST

START_TEST(test_dt_parse)
{
    static const struct {
        const char *s;
        int from, to;
        CmIvCastError err;
        int64_t us;
    } cases[] = {
        {"1 02:03:04.5", DAY, SECOND, CM_IVC_OK, D + 2 * H + 3 * M + 4 * S + 500000},
        {"  -1 02:03:04.5 ", DAY, SECOND, CM_IVC_OK, -(D + 2 * H + 3 * M + 4 * S + 500000)},
        {"INTERVAL '1 02:03:04.5' DAY TO SECOND", DAY, SECOND, CM_IVC_OK, D + 2 * H + 3 * M + 4 * S + 500000},
        {"interval -'-1 02:03:04.5'  day to second", DAY, SECOND, CM_IVC_OK, D + 2 * H + 3 * M + 4 * S + 500000},
        {"interval '-1 02:03:04.5' day to second", DAY, SECOND, CM_IVC_OK, -(D + 2 * H + 3 * M + 4 * S + 500000)},
        {"1 02:03:04.123456789", DAY, SECOND, CM_IVC_OK, D + 2 * H + 3 * M + 4 * S + 123456},
        {"1 02:03:75", DAY, SECOND, CM_IVC_OK, D + 2 * H + 3 * M + 75 * S}, /* seconds: any long */
        {"1 24:00:00", DAY, SECOND, CM_IVC_RANGE, 0},
        {"106751991 23:59:59", DAY, SECOND, CM_IVC_OVERFLOW, 0},
        {"1 02:03", DAY, SECOND, CM_IVC_FORMAT, 0},
        {"5", DAY, SECOND, CM_IVC_FORMAT_WRAPPED, 0},
        {"5", DAY, DAY, CM_IVC_OK, 5 * D},
        {"-5", HOUR, HOUR, CM_IVC_OK, -5 * H},
        {"1.5", DAY, DAY, CM_IVC_FORMAT_WRAPPED, 0},
        {"1.5", SECOND, SECOND, CM_IVC_OK, 1500000},
        {"-1.5", SECOND, SECOND, CM_IVC_OK, -1500000},
        {"-0.5", SECOND, SECOND, CM_IVC_OK, 500000}, /* parseSecondNano's sign of -0 */
        {"INTERVAL '3' HOUR", HOUR, HOUR, CM_IVC_OK, 3 * H},
        {"INTERVAL '3' HOUR", DAY, DAY, CM_IVC_FORMAT_WRAPPED, 0},
        {"abc", DAY, DAY, CM_IVC_FORMAT, 0},
        {"", DAY, DAY, CM_IVC_FORMAT, 0},
        {"999999999", DAY, DAY, CM_IVC_OK, -5833720454947758080LL}, /* Long wrap-around */
        {"10:30", HOUR, MINUTE, CM_IVC_OK, 10 * H + 30 * M},
        {"1 02", DAY, DAY, CM_IVC_FORMAT, 0},
        {"1 02", DAY, HOUR, CM_IVC_OK, D + 2 * H},
        {"99:59.000001", MINUTE, SECOND, CM_IVC_OK, 99 * M + 59 * S + 1},
        {"9999999999999", SECOND, SECOND, CM_IVC_RANGE_WRAPPED, 0},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        int64_t us = 0;
        CmIvCastErr err;
        bool ok = cm_dti_parse(cases[i].s, strlen(cases[i].s), cases[i].from, cases[i].to, &us, &err);
        ck_assert_msg(err.kind == cases[i].err && ok == (cases[i].err == CM_IVC_OK), "'%s': %d", cases[i].s,
                      err.kind);
        if (ok)
            ck_assert_msg(us == cases[i].us, "'%s': %lld", cases[i].s, (long long)us);
    }
}
END_TEST

START_TEST(test_ym_parse)
{
    static const struct {
        const char *s;
        int from, to;
        CmIvCastError err;
        int32_t months;
    } cases[] = {
        {"1-2", CM_YM_YEAR, CM_YM_MONTH, CM_IVC_OK, 14},
        {"-1-2", CM_YM_YEAR, CM_YM_MONTH, CM_IVC_OK, -14},
        {"INTERVAL '-1-2' YEAR TO MONTH", CM_YM_YEAR, CM_YM_MONTH, CM_IVC_OK, -14},
        {"INTERVAL -'-1-2' YEAR TO MONTH", CM_YM_YEAR, CM_YM_MONTH, CM_IVC_OK, 14},
        {"1-12", CM_YM_YEAR, CM_YM_MONTH, CM_IVC_RANGE_WRAPPED, 0},
        {"5", CM_YM_YEAR, CM_YM_YEAR, CM_IVC_OK, 60},
        {"5", CM_YM_MONTH, CM_YM_MONTH, CM_IVC_OK, 5},
        {"-5", CM_YM_YEAR, CM_YM_YEAR, CM_IVC_OK, -60},
        {"5", CM_YM_YEAR, CM_YM_MONTH, CM_IVC_FORMAT_WRAPPED, 0},
        {"178956971", CM_YM_YEAR, CM_YM_YEAR, CM_IVC_INT_OVERFLOW, 0},
        {"INTERVAL '2' MONTH", CM_YM_MONTH, CM_YM_MONTH, CM_IVC_OK, 2},
        {"INTERVAL '2' MONTH", CM_YM_YEAR, CM_YM_YEAR, CM_IVC_FORMAT_WRAPPED, 0},
        {"1 year", CM_YM_YEAR, CM_YM_YEAR, CM_IVC_FORMAT, 0},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        int32_t m = 0;
        CmIvCastErr err;
        bool ok = cm_ymi_parse(cases[i].s, strlen(cases[i].s), cases[i].from, cases[i].to, &m, &err);
        ck_assert_msg(err.kind == cases[i].err && ok == (cases[i].err == CM_IVC_OK), "'%s': %d", cases[i].s,
                      err.kind);
        if (ok)
            ck_assert_msg(m == cases[i].months, "'%s': %d", cases[i].s, m);
    }
}
END_TEST

START_TEST(test_messages)
{
    char msg[1024];
    int64_t us;
    int32_t m;
    CmIvCastErr err;
    cm_dti_parse("abc", 3, DAY, DAY, &us, &err);
    cm_iv_cast_message(&err, true, DAY, DAY, "abc", 3, msg, sizeof msg);
    ck_assert_str_eq(msg, "Interval string does not match day-time format of `[+|-]d`, `INTERVAL "
                          "[+|-]'[+|-]d' DAY` when cast to interval day: abc, set "
                          "spark.sql.legacy.fromDayTimeString.enabled to true to restore the "
                          "behavior before Spark 3.0.");
    cm_dti_parse("5", 1, DAY, SECOND, &us, &err);
    cm_iv_cast_message(&err, true, DAY, SECOND, "5", 1, msg, sizeof msg);
    ck_assert_str_eq(msg, "Error parsing interval day-time string: Interval string does not match "
                          "day-time format of `[+|-]d h:m:s.n`, `INTERVAL [+|-]'[+|-]d h:m:s.n' "
                          "DAY TO SECOND` when cast to interval day to second: 5, set "
                          "spark.sql.legacy.fromDayTimeString.enabled to true to restore the "
                          "behavior before Spark 3.0.");
    cm_dti_parse("1 24:00:00", 10, DAY, SECOND, &us, &err);
    cm_iv_cast_message(&err, true, DAY, SECOND, "1 24:00:00", 10, msg, sizeof msg);
    ck_assert_str_eq(msg, "requirement failed: hour 24 outside range [0, 23]");
    cm_ymi_parse("1-12", 4, CM_YM_YEAR, CM_YM_MONTH, &m, &err);
    cm_iv_cast_message(&err, false, CM_YM_YEAR, CM_YM_MONTH, "1-12", 4, msg, sizeof msg);
    ck_assert_str_eq(msg, "Error parsing interval year-month string: requirement failed: month 12 "
                          "outside range [0, 11]");
    cm_ymi_parse("x", 1, CM_YM_YEAR, CM_YM_MONTH, &m, &err);
    cm_iv_cast_message(&err, false, CM_YM_YEAR, CM_YM_MONTH, "x", 1, msg, sizeof msg);
    ck_assert_str_eq(msg, "Interval string does not match year-month format of `[+|-]y-m`, "
                          "`INTERVAL [+|-]'[+|-]y-m' YEAR TO MONTH` when cast to interval year to "
                          "month: x");
    ck_assert_str_eq(cm_dt_type_name(DAY, SECOND, false), "interval day to second");
    ck_assert_str_eq(cm_ym_type_name(CM_YM_MONTH, CM_YM_MONTH, true), "INTERVAL MONTH");
    ck_assert_ptr_null(cm_dt_type_name(HOUR, DAY, false));
}
END_TEST

Suite *common_ansi_iv_suite(void)
{
    Suite *s = suite_create("common_ansi_iv");
    TCase *tc = tcase_create("ansi_iv");
    tcase_add_test(tc, test_dt_format);
    tcase_add_test(tc, test_ym_format);
    tcase_add_test(tc, test_dt_parse);
    tcase_add_test(tc, test_ym_parse);
    tcase_add_test(tc, test_messages);
    suite_add_tcase(s, tc);
    return s;
}
