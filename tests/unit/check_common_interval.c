/* check_common_interval.c - Spark's interval strings, duration options and triggers
** (common/cm_interval.c): the one parser of window sizes, watermark delays, `trigger`,
** --trigger, maxFileAge and rampUpTime.
*/
#include <check.h>
#include <string.h>

#include "common/cm_interval.h"

#define US 1LL
#define MS 1000LL
#define S 1000000LL
#define M (60 * S)
#define H (60 * M)

static const struct {
    const char *text;
    CmIntervalError err;
    int32_t months, days;
    int64_t us;
} iv_cases[] = {
    {"1 hour", CM_IV_OK, 0, 0, H},
    {"30 minutes", CM_IV_OK, 0, 0, 30 * M},
    {"10 seconds", CM_IV_OK, 0, 0, 10 * S},
    {"1 second", CM_IV_OK, 0, 0, S},
    {"1 HOUR 1 Minute", CM_IV_OK, 0, 0, H + M},
    {"1 minute 30 seconds", CM_IV_OK, 0, 0, 90 * S},
    {"interval 5 minutes", CM_IV_OK, 0, 0, 5 * M},
    {"INTERVAL 2 days 3 hours", CM_IV_OK, 0, 2, 3 * H},
    {"  7 days  ", CM_IV_OK, 0, 7, 0},
    {"2 weeks", CM_IV_OK, 0, 14, 0},
    {"1.5 seconds", CM_IV_OK, 0, 0, 1500 * MS},
    {"0.000001 seconds", CM_IV_OK, 0, 0, 1},
    {"0.0000019 seconds", CM_IV_OK, 0, 0, 1}, /* nanoseconds truncated */
    {".5 seconds", CM_IV_OK, 0, 0, 500 * MS},
    {"1. seconds", CM_IV_OK, 0, 0, S},
    {"-10 minutes", CM_IV_OK, 0, 0, -10 * M},
    {"- 10 minutes", CM_IV_OK, 0, 0, -10 * M},
    {"-1.5 seconds", CM_IV_OK, 0, 0, -1500 * MS},
    {"+1 second", CM_IV_OK, 0, 0, S},
    {"1 hour -30 minutes", CM_IV_OK, 0, 0, 30 * M},
    {"500 milliseconds", CM_IV_OK, 0, 0, 500 * MS},
    {"1 millisecond", CM_IV_OK, 0, 0, MS},
    {"7 microseconds", CM_IV_OK, 0, 0, 7 * US},
    {"0 seconds", CM_IV_OK, 0, 0, 0},
    {"1 month", CM_IV_OK, 1, 0, 0},
    {"2 years 1 month", CM_IV_OK, 25, 0, 0},
    {"1 day 1 month", CM_IV_OK, 1, 1, 0},
    {"", CM_IV_EMPTY, 0, 0, 0},
    {"  ", CM_IV_EMPTY, 0, 0, 0},
    {"interval", CM_IV_EMPTY, 0, 0, 0},
    {"intervals 1 second", CM_IV_PREFIX, 0, 0, 0},
    {"hour", CM_IV_NUMBER, 0, 0, 0},
    {"1 hour and 5 minutes", CM_IV_NUMBER, 0, 0, 0},
    {"1", CM_IV_MISSING_UNIT, 0, 0, 0},
    {"1.5", CM_IV_MISSING_UNIT, 0, 0, 0},
    {"1 second -", CM_IV_MISSING_NUMBER, 0, 0, 0},
    {"1 hourz", CM_IV_UNIT, 0, 0, 0},
    {"1 hours,", CM_IV_UNIT, 0, 0, 0},
    {"500 ms", CM_IV_UNIT, 0, 0, 0}, /* Spark's units are whole words */
    {"5 secs", CM_IV_UNIT, 0, 0, 0},
    {"2 mins", CM_IV_UNIT, 0, 0, 0},
    {"10minutes", CM_IV_VALUE, 0, 0, 0},
    {"1.x seconds", CM_IV_VALUE, 0, 0, 0},
    {". seconds", CM_IV_VALUE, 0, 0, 0},
    {"1.5 minutes", CM_IV_FRACTION, 0, 0, 0},
    {"1.1234567891 seconds", CM_IV_PRECISION, 0, 0, 0},
    {"99999999999999999999 seconds", CM_IV_OVERFLOW, 0, 0, 0},
    {"9999999999999 weeks", CM_IV_OVERFLOW, 0, 0, 0},
    {"2147483648 days", CM_IV_OVERFLOW, 0, 0, 0},
    {"200000000 years", CM_IV_OVERFLOW, 0, 0, 0},
};

START_TEST(test_interval_parse)
{
    CmInterval iv = {-1, -1, -1};
    const char *word = NULL;
    int word_n = -1;
    CmIntervalError err = cm_interval_parse(iv_cases[_i].text, &iv, &word, &word_n);
    ck_assert_msg(err == iv_cases[_i].err, "'%s': error %d, want %d", iv_cases[_i].text, err,
                  iv_cases[_i].err);
    if (err == CM_IV_OK) {
        ck_assert_msg(iv.months == iv_cases[_i].months && iv.days == iv_cases[_i].days &&
                          iv.us == iv_cases[_i].us,
                      "'%s': %d months %d days %lld us", iv_cases[_i].text, iv.months, iv.days,
                      (long long)iv.us);
    } else {
        ck_assert_ptr_nonnull(word);
        ck_assert_int_ge(word_n, 0);
        ck_assert_str_ne(cm_interval_error_text(err), "");
    }
}
END_TEST

START_TEST(test_interval_words)
{
    const char *word;
    int n;
    CmInterval iv;
    ck_assert_int_eq(cm_interval_parse("5 minutes 500 ms", &iv, &word, &n), CM_IV_UNIT);
    ck_assert_int_eq(n, 2);
    ck_assert(strncmp(word, "ms", 2) == 0);
    ck_assert_int_eq(cm_interval_parse("1 hour bogus", &iv, &word, &n), CM_IV_NUMBER);
    ck_assert(n == 5 && strncmp(word, "bogus", 5) == 0);
    int64_t us;
    ck_assert_int_eq(cm_interval_parse("2 days 1 hour", &iv, NULL, NULL), CM_IV_OK);
    ck_assert(cm_interval_day_time_us(&iv, &us));
    ck_assert_int_eq(us, 49 * H);
    iv = (CmInterval){0, INT32_MAX, INT64_MAX};
    ck_assert(!cm_interval_day_time_us(&iv, &us));
}
END_TEST

START_TEST(test_time_string)
{
    static const struct {
        const char *text;
        int64_t unit;
        bool ok;
        int64_t us;
    } cases[] = {
        {"7d", MS, true, 7 * 24 * H},  {"10s", MS, true, 10 * S},  {"100ms", MS, true, 100 * MS},
        {"5", MS, true, 5 * MS},       {"5", S, true, 5 * S},      {"2h", MS, true, 2 * H},
        {"3min", MS, true, 3 * M},     {"4m", MS, true, 4 * M},    {"9us", MS, true, 0},
        {"9us", US, true, 9},          {"1500ms", S, true, S},     {"-5s", MS, true, -5 * S},
        {"7D", MS, true, 7 * 24 * H},  {" 7d ", MS, true, 7 * 24 * H},
        {"7 d", MS, false, 0},         {"5sec", MS, false, 0},     {"+5s", MS, false, 0},
        {"soon", MS, false, 0},        {"", MS, false, 0},         {"1 hour", MS, false, 0},
        {"99999999999999999999", MS, false, 0},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        int64_t us = -7;
        bool ok = cm_time_string(cases[i].text, cases[i].unit, &us);
        ck_assert_msg(ok == cases[i].ok && (!ok || us == cases[i].us), "'%s' (unit %lld): %d %lld",
                      cases[i].text, (long long)cases[i].unit, ok, (long long)us);
    }
    int64_t us;
    ck_assert(cm_duration_parse("1 hour", MS, &us) && us == H);
    ck_assert(cm_duration_parse("1 day 30 minutes", MS, &us) && us == 24 * H + 30 * M);
    ck_assert(cm_duration_parse("7d", MS, &us) && us == 7 * 24 * H);
    ck_assert(!cm_duration_parse("1 month", MS, &us));
    ck_assert(!cm_duration_parse("7 parsecs", MS, &us));
}
END_TEST

START_TEST(test_trigger)
{
    static const struct {
        const char *text;
        CmTriggerError err;
        CmTriggerKind kind;
        int64_t ms;
    } cases[] = {
        {NULL, CM_TRIGGER_OK, CM_TRIGGER_DEFAULT, 0},
        {"default", CM_TRIGGER_OK, CM_TRIGGER_DEFAULT, 0},
        {"once", CM_TRIGGER_OK, CM_TRIGGER_ONCE, 0},
        {"ONCE", CM_TRIGGER_OK, CM_TRIGGER_ONCE, 0},
        {"availableNow", CM_TRIGGER_OK, CM_TRIGGER_AVAILABLE_NOW, 0},
        {"availablenow", CM_TRIGGER_OK, CM_TRIGGER_AVAILABLE_NOW, 0},
        {"5 seconds", CM_TRIGGER_OK, CM_TRIGGER_INTERVAL, 5000},
        {"interval 1 minute 30 seconds", CM_TRIGGER_OK, CM_TRIGGER_INTERVAL, 90000},
        {"500 milliseconds", CM_TRIGGER_OK, CM_TRIGGER_INTERVAL, 500},
        {"1 day", CM_TRIGGER_OK, CM_TRIGGER_INTERVAL, 86400000},
        {"1500 microseconds", CM_TRIGGER_OK, CM_TRIGGER_INTERVAL, 1}, /* toMillis truncates */
        {"999 microseconds", CM_TRIGGER_OK, CM_TRIGGER_DEFAULT, 0},   /* ProcessingTime(0) */
        {"0 seconds", CM_TRIGGER_OK, CM_TRIGGER_DEFAULT, 0},
        {"1 month", CM_TRIGGER_MONTHS, CM_TRIGGER_DEFAULT, 0},
        {"-1 second", CM_TRIGGER_NEGATIVE, CM_TRIGGER_DEFAULT, 0},
        {"500 ms", CM_TRIGGER_NOT_INTERVAL, CM_TRIGGER_DEFAULT, 0},
        {"5s", CM_TRIGGER_NOT_INTERVAL, CM_TRIGGER_DEFAULT, 0},
        {"available-now", CM_TRIGGER_NOT_INTERVAL, CM_TRIGGER_DEFAULT, 0},
        {"", CM_TRIGGER_NOT_INTERVAL, CM_TRIGGER_DEFAULT, 0},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        CmTrigger t = {CM_TRIGGER_ONCE, -1};
        char msg[256] = "";
        CmTriggerError err = cm_trigger_parse(cases[i].text, &t, msg, sizeof msg);
        const char *s = cases[i].text ? cases[i].text : "(null)";
        ck_assert_msg(err == cases[i].err, "'%s': error %d", s, err);
        ck_assert_msg((err == CM_TRIGGER_OK) == (msg[0] == '\0'), "'%s': '%s'", s, msg);
        if (err == CM_TRIGGER_OK)
            ck_assert_msg(t.kind == cases[i].kind && t.interval_ms == cases[i].ms,
                          "'%s': kind %d, %lld ms", s, t.kind, (long long)t.interval_ms);
    }
    /* The messages: Spark's words where Spark has them, else the reason and the word. */
    char msg[256];
    CmTrigger t;
    cm_trigger_parse("500 ms", &t, msg, sizeof msg);
    ck_assert_str_eq(msg, "invalid trigger '500 ms' (expected 'once', 'availableNow', 'default' "
                          "or an interval such as '5 seconds'): invalid unit (units are year, "
                          "month, week, day, hour, minute, second, millisecond, microsecond, "
                          "singular or plural) at 'ms'");
    cm_trigger_parse(" 1 year", &t, msg, sizeof msg);
    ck_assert_str_eq(msg, "Doesn't support month or year interval:  1 year");
    cm_trigger_parse("-5 seconds", &t, msg, sizeof msg);
    ck_assert_str_eq(msg, "requirement failed: the interval of trigger should not be negative");
    cm_trigger_parse("", &t, msg, sizeof msg);
    ck_assert_str_eq(msg, "invalid trigger '' (expected 'once', 'availableNow', 'default' or an "
                          "interval such as '5 seconds'): the interval is empty");
    ck_assert_int_eq(cm_trigger_parse("soon", &t, NULL, 0), CM_TRIGGER_NOT_INTERVAL);
}
END_TEST

Suite *common_interval_suite(void)
{
    Suite *s = suite_create("common_interval");
    TCase *tc = tcase_create("interval");
    tcase_add_loop_test(tc, test_interval_parse, 0, (int)(sizeof iv_cases / sizeof iv_cases[0]));
    tcase_add_test(tc, test_interval_words);
    tcase_add_test(tc, test_time_string);
    tcase_add_test(tc, test_trigger);
    suite_add_tcase(s, tc);
    return s;
}
