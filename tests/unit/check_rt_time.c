/* check_rt_time.c - window starts (tumbling, sliding, before 1970), the cast's wall-clock
** date for a time alone (the rule itself: check_common_time.c), formatting, calendar fields, date_format patterns, parsing with a Java pattern
** (to_timestamp, unix_timestamp) and the batch timestamp of current_timestamp().
*/
#include <check.h>
#include <string.h>
#include <time.h>

#include "srt_int.h"

#define SEC 1000000LL
#define MIN (60 * SEC)
#define HOUR (60 * MIN)

static const struct {
    int64_t ts, slide, start, want;
} window_cases[] = {
    {1469501675 * SEC, HOUR, 0, 1469498400 * SEC}, /* 02:54:35 -> 02:00 */
    {1469498400 * SEC, HOUR, 0, 1469498400 * SEC}, /* exactly at a start */
    {1469501999 * SEC, HOUR, 0, 1469498400 * SEC},
    {1469502000 * SEC, HOUR, 0, 1469502000 * SEC}, /* the end belongs to the next window */
    {0, HOUR, 0, 0},
    {-1, HOUR, 0, -HOUR},                          /* floor, not truncation */
    {-HOUR, HOUR, 0, -HOUR},
    {-HOUR - 1, HOUR, 0, -2 * HOUR},
    {-90 * MIN, HOUR, 0, -2 * HOUR},
    {1469501675 * SEC, 10 * MIN, 0, 1469501400 * SEC},
    {1469501675 * SEC, HOUR, 15 * MIN, 1469499300 * SEC}, /* startTime 15 minutes: 02:15 */
    {1469501675 * SEC, HOUR, -15 * MIN, 1469501100 * SEC}, /* 02:45 */
    {5 * MIN, HOUR, 15 * MIN, -45 * MIN},
    {7, 3, 0, 6},
    {-7, 3, 0, -9},
    {-7, 3, 1, -8},
};

START_TEST(test_window_start)
{
    for (size_t i = 0; i < sizeof window_cases / sizeof window_cases[0]; i++) {
        int64_t got = srt_window_start(window_cases[i].ts, window_cases[i].slide, window_cases[i].start);
        ck_assert_msg(got == window_cases[i].want, "case %zu: got %lld want %lld", i, (long long)got,
                      (long long)window_cases[i].want);
    }
}
END_TEST

/* §2.1: the windows of ts are lastStart - i*slide for i < ceil(window/slide), kept iff
   start <= ts < start + window. */
static int windows_of(int64_t ts, int64_t window, int64_t slide, int64_t start, int64_t *starts)
{
    int64_t n = (window + slide - 1) / slide;
    int64_t last = srt_window_start(ts, slide, start);
    int k = 0;
    for (int64_t i = 0; i < n; i++) {
        int64_t s = last - i * slide;
        if (s <= ts && ts < s + window)
            starts[k++] = s;
    }
    return k;
}

START_TEST(test_sliding_windows)
{
    int64_t st[16];
    /* 1 hour windows sliding by 30 minutes: two windows, [02:30,03:30) and [02:00,03:00). */
    ck_assert_int_eq(windows_of(1469501675 * SEC, HOUR, 30 * MIN, 0, st), 2);
    ck_assert_int_eq(st[0], 1469500200 * SEC);
    ck_assert_int_eq(st[1], 1469498400 * SEC);
    /* 10 minutes sliding by 5: 12:07 is in [12:05,12:15) and [12:00,12:10). */
    int64_t t = 12 * HOUR + 7 * MIN;
    ck_assert_int_eq(windows_of(t, 10 * MIN, 5 * MIN, 0, st), 2);
    ck_assert_int_eq(st[0], 12 * HOUR + 5 * MIN);
    ck_assert_int_eq(st[1], 12 * HOUR);
    /* window % slide != 0: 10 / 3 gives 3 or 4 windows depending on position. */
    int counts[5] = {0};
    for (int64_t x = -30; x < 30; x++) {
        int k = windows_of(x, 10, 3, 0, st);
        ck_assert(k == 3 || k == 4);
        counts[k]++;
        for (int i = 0; i < k; i++)
            ck_assert(st[i] <= x && x < st[i] + 10 && ((st[i] % 3) + 3) % 3 == 0);
    }
    ck_assert_int_eq(counts[3], 40);
    ck_assert_int_eq(counts[4], 20);
    /* before 1970, tumbling: always exactly one window containing ts */
    for (int64_t x = -5 * HOUR; x < 5 * HOUR; x += 7 * MIN + 3) {
        ck_assert_int_eq(windows_of(x, HOUR, HOUR, 0, st), 1);
        ck_assert(st[0] <= x && x < st[0] + HOUR);
    }
}
END_TEST

/* Timestamps at the ends of the range: no signed overflow (run under UBSan), windows whose
   bounds would not fit are refused. */
START_TEST(test_extreme_times)
{
    char buf[32];
    buf[srt_ts_format(-9223372036854000000LL, buf)] = '\0';
    ck_assert_str_eq(buf, "-290308-12-21 19:59:06");
    buf[srt_ts_format(INT64_MIN, buf)] = '\0';
    ck_assert_str_eq(buf, "-290308-12-21 19:59:05.224192");
    buf[srt_ts_format(INT64_MAX, buf)] = '\0';
    ck_assert_str_eq(buf, "+294247-01-10 04:00:54.775807");
    ck_assert_int_eq(srt_ts_field(INT64_MIN, SRT_TS_SECOND), 5);
    ck_assert_int_eq(srt_ts_field(INT64_MIN, SRT_TS_YEAR), -290308);

    const int64_t min5 = 300000000LL, min10 = 600000000LL;
    int64_t last = 0;
    ck_assert_int_eq(srt_window_bounds(1469501675000000LL, min5, 0, min10, 2, &last), 0);
    ck_assert_int_eq(last, 1469501400000000LL);
    ck_assert_int_eq(srt_window_bounds(9223372036854000000LL, min5, 0, min5, 1, &last), -1);
    ck_assert_int_eq(srt_window_bounds(-9223372036854000000LL, min5, 0, min5, 1, &last), -1);
    ck_assert_int_eq(srt_window_bounds(INT64_MAX, min5, 0, min5, 1, &last), -1);
    ck_assert_int_eq(srt_window_bounds(INT64_MIN, min5, 7, min5, 1, &last), -1);
    /* The last windows that fit: [INT64_MAX - size + 1 - r ...) end at or before INT64_MAX. */
    int64_t ts = INT64_MAX - min5 - (INT64_MAX % min5);
    ck_assert_int_eq(srt_window_bounds(ts, min5, 0, min5, 1, &last), 0);
    ck_assert_int_eq(last, ts - ts % min5);
    /* A startTime offset never forms ts - start. */
    ck_assert_int_eq(srt_window_start(INT64_MIN + 100, 100, 50), INT64_MIN + 58);
    ck_assert_int_eq(srt_window_start(INT64_MAX, 100, -50), INT64_MAX - 57);
}
END_TEST

static const struct {
    int64_t us;
    const char *out;
} format_cases[] = {
    {1469501675 * SEC, "2016-07-26 02:54:35"},
    {1469501675 * SEC + 500000, "2016-07-26 02:54:35.5"},
    {1469501675 * SEC + 120000, "2016-07-26 02:54:35.12"},
    {1469501675 * SEC + 1, "2016-07-26 02:54:35.000001"},
    {0, "1970-01-01 00:00:00"},
    {-1, "1969-12-31 23:59:59.999999"},
    {-2208988800 * SEC, "1900-01-01 00:00:00"},
    {951782400 * SEC + 86399 * SEC, "2000-02-29 23:59:59"},
    {253402300799 * SEC, "9999-12-31 23:59:59"},
};

START_TEST(test_ts_format)
{
    for (size_t i = 0; i < sizeof format_cases / sizeof format_cases[0]; i++) {
        char buf[32];
        uint32_t n = srt_ts_format(format_cases[i].us, buf);
        ck_assert_uint_eq(n, strlen(format_cases[i].out));
        ck_assert_str_eq(buf, format_cases[i].out);
        int64_t back;
        ck_assert_int_eq(srt_ts_parse(buf, n, &back), 0);
        ck_assert_int_eq(back, format_cases[i].us);
    }
}
END_TEST

/* A time without a date takes today's date (Spark's LocalDate.now), here from the clock. */
START_TEST(test_ts_parse_time_only)
{
    int64_t before = (int64_t)time(NULL), us;
    ck_assert_int_eq(srt_ts_parse(" 12:30 ", 7, &us), 0);
    int64_t after = (int64_t)time(NULL);
    int64_t day = us / (86400 * SEC);
    ck_assert_int_eq(us % (86400 * SEC), (12 * 3600 + 30 * 60) * SEC);
    ck_assert(day == before / 86400 || day == after / 86400);
    ck_assert_int_eq(srt_ts_parse("12:30:61", 8, &us), -1);
}
END_TEST

START_TEST(test_ts_field)
{
    int64_t t = 1469501675 * SEC;
    ck_assert_int_eq(srt_ts_field(t, SRT_TS_YEAR), 2016);
    ck_assert_int_eq(srt_ts_field(t, SRT_TS_MONTH), 7);
    ck_assert_int_eq(srt_ts_field(t, SRT_TS_DAY), 26);
    ck_assert_int_eq(srt_ts_field(t, SRT_TS_HOUR), 2);
    ck_assert_int_eq(srt_ts_field(t, SRT_TS_MINUTE), 54);
    ck_assert_int_eq(srt_ts_field(t, SRT_TS_SECOND), 35);
    ck_assert_int_eq(srt_ts_field(-1, SRT_TS_YEAR), 1969);
    ck_assert_int_eq(srt_ts_field(-1, SRT_TS_MONTH), 12);
    ck_assert_int_eq(srt_ts_field(-1, SRT_TS_DAY), 31);
    ck_assert_int_eq(srt_ts_field(-1, SRT_TS_SECOND), 59);
}
END_TEST

static const struct {
    int64_t us;
    const char *fmt, *out;
} date_format_cases[] = {
    {1469502000 * SEC, "MMM-dd HH:mm", "Jul-26 03:00"},
    {1469501675 * SEC, "yyyy-MM-dd HH:mm:ss", "2016-07-26 02:54:35"},
    {1469501675 * SEC + 123456, "yyyy-MM-dd'T'HH:mm:ss.SSS", "2016-07-26T02:54:35.123"},
    {1469501675 * SEC + 123456, "SSSSSS", "123456"},
    {1469501675 * SEC, "EEE, d MMM yyyy", "Tue, 26 Jul 2016"},
    {1469501675 * SEC, "EEEE MMMM", "Tuesday July"},
    {1469501675 * SEC, "hh:mm a", "02:54 AM"},
    {1469501675 * SEC + 12 * HOUR, "h:mm a", "2:54 PM"},
    {1469491200 * SEC, "h a", "12 AM"},
    {1469501675 * SEC, "yy/M/d", "16/7/26"},
    {1469501675 * SEC, "D", "208"},
    {1469501675 * SEC, "'Q'q yyyy", "Q3 2016"},
    {1469501675 * SEC, "HH 'o''clock'", "02 o'clock"},
    {1469501675 * SEC, "''HH''", "'02'"},
    {1469501675 * SEC, "yyyy.MM.dd G 'at' HH:mm:ss z", "2016.07.26 AD at 02:54:35 UTC"},
    {1469501675 * SEC, "XXX xxx Z", "Z +00:00 +0000"},
    {0, "EEE", "Thu"},
    {-1, "yyyy-MM-dd HH:mm:ss.SSS", "1969-12-31 23:59:59.999"},
    {1469501675 * SEC, "", ""},
};

START_TEST(test_date_format)
{
    SrtMem mem;
    srt_mem_init(&mem);
    SrtQuery *q = srt_query_new_detached(&mem);
    for (size_t i = 0; i < sizeof date_format_cases / sizeof date_format_cases[0]; i++) {
        const char *out;
        uint32_t n;
        const char *fmt = date_format_cases[i].fmt;
        srt_date_format(q, date_format_cases[i].us, fmt, (uint32_t)strlen(fmt), &out, &n);
        ck_assert_msg(n == strlen(date_format_cases[i].out) && memcmp(out, date_format_cases[i].out, n) == 0,
                      "case %zu (%s): got '%.*s'", i, fmt, (int)n, out);
        srt_scratch_reset(q);
    }
    srt_query_free(q);
}
END_TEST

/* to_timestamp / unix_timestamp with a Java pattern */
START_TEST(test_ts_parse_fmt)
{
    static const struct {
        const char *s, *fmt;
        int ok;
        int64_t us;
    } cases[] = {
        {"2016-07-26 02:54:35", "yyyy-MM-dd HH:mm:ss", 1, 1469501675000000LL},
        {"2016-07-26T02:54:35.123", "yyyy-MM-dd'T'HH:mm:ss.SSS", 1, 1469501675123000LL},
        {"2016-07-26T02:54:35.1", "yyyy-MM-dd'T'HH:mm:ss.SSS", 1, 1469501675100000LL},
        {"2016-07-26T02:54:35.1234", "yyyy-MM-dd'T'HH:mm:ss.SSS", 0, 0},
        {"26/07/2016", "dd/MM/yyyy", 1, 1469491200000000LL},
        {"2016-07-26", "yyyy-MM-dd", 1, 1469491200000000LL},
        {"20160726", "yyyyMMdd", 1, 1469491200000000LL},
        {"2016-7-6", "yyyy-M-d", 1, 1467763200000000LL},
        {"07/26/16 02:54 PM", "MM/dd/yy hh:mm a", 1, 1469544840000000LL},
        {"07/26/16 02:54 pm", "MM/dd/yy hh:mm a", 1, 1469544840000000LL},
        {"12:00 AM", "hh:mm a", 1, 0},
        {"Jul 26 2016", "MMM dd yyyy", 1, 1469491200000000LL},
        {"july 26, 2016", "MMMM d, yyyy", 1, 1469491200000000LL},
        {"Tue 2016-07-26", "EEE yyyy-MM-dd", 1, 1469491200000000LL},
        {"Wed 2016-07-26", "EEE yyyy-MM-dd", 0, 0}, /* the day of week must agree */
        {"2016-07-26 02:54:35+02:00", "yyyy-MM-dd HH:mm:ssXXX", 1, 1469494475000000LL},
        {"2016-07-26 02:54:35Z", "yyyy-MM-dd HH:mm:ssXXX", 1, 1469501675000000LL},
        {"2016-208", "yyyy-DDD", 1, 1469491200000000LL},
        {"it's 2016", "'it''s' yyyy", 1, 1451606400000000LL},
        {"2016-02-30", "yyyy-MM-dd", 0, 0},
        {"2016-07-26", "yyyy-MM-dd HH:mm:ss", 0, 0},
        {"2016-07-26 02:54:35.5", "yyyy-MM-dd HH:mm:ss", 0, 0},
        {"2016-07-26 24:00:00", "yyyy-MM-dd HH:mm:ss", 0, 0},
        {" 2016-07-26", "yyyy-MM-dd", 0, 0},
        {"2016-07-26", "yyyy-MM-dd bb", 0, 0},
        {"16-07-26", "yyyy-MM-dd", 0, 0},
        {"", "yyyy", 0, 0},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        int64_t us = -1;
        int rc = srt_ts_parse_fmt(cases[i].s, (uint32_t)strlen(cases[i].s), cases[i].fmt,
                                  (uint32_t)strlen(cases[i].fmt), &us);
        ck_assert_msg((rc == 0) == cases[i].ok, "case %zu '%s' with '%s': rc %d", i, cases[i].s,
                      cases[i].fmt, rc);
        if (cases[i].ok)
            ck_assert_msg(us == cases[i].us, "case %zu: %lld, want %lld", i, (long long)us,
                          (long long)cases[i].us);
    }
}
END_TEST

/* current_timestamp(): the batch's time, ms precision, stable within the batch */
START_TEST(test_batch_ts)
{
    SrtMem mem;
    srt_mem_init(&mem);
    SrtQuery *q = srt_query_new_detached(&mem);
    int64_t before = srt_now_us();
    int64_t t = srt_query_batch_ts(q);
    ck_assert_int_eq(t % 1000, 0);
    ck_assert_int_ge(t, before / 1000 * 1000);
    ck_assert_int_le(t, srt_now_us());
    ck_assert_int_eq(srt_query_batch_ts(q), t);
    srt_query_free(q);
}
END_TEST

/* Typed literals' 'now' (srt_query_start_ts): the query's start, µs, the same every time;
   casts of special strings (srt_special_datetime) at the time given, else no value. */
START_TEST(test_special_datetime)
{
    SrtMem mem;
    srt_mem_init(&mem);
    SrtQuery *q = srt_query_new_detached(&mem);
    int64_t before = srt_now_us();
    int64_t t = srt_query_start_ts(q);
    ck_assert_int_ge(t, before);
    ck_assert_int_le(t, srt_now_us());
    ck_assert_int_eq(srt_query_start_ts(q), t);
    srt_query_free(q);
    int64_t now = 19000 * INT64_C(86400000000) + 7, out = -1;
    ck_assert_int_eq(srt_special_datetime("tomorrow", 8, 1, now, &out), 1);
    ck_assert_int_eq(out, 19001);
    ck_assert_int_eq(srt_special_datetime(" now ", 5, 0, now, &out), 1);
    ck_assert_int_eq(out, now);
    ck_assert_int_eq(srt_special_datetime("today Europe/Paris", 18, 0, now, &out), 1);
    ck_assert_int_eq(out, 19000 * INT64_C(86400000000));
    ck_assert_int_eq(srt_special_datetime("today Mars/Base", 15, 1, now, &out), 0);
    ck_assert_int_eq(srt_special_datetime("2024-01-01", 10, 1, now, &out), 0);
}
END_TEST

Suite *rt_time_suite(void)
{
    Suite *s = suite_create("rt_time");
    TCase *tw = tcase_create("windows");
    tcase_add_test(tw, test_window_start);
    tcase_add_test(tw, test_sliding_windows);
    suite_add_tcase(s, tw);
    TCase *tt = tcase_create("timestamps");
    tcase_add_test(tt, test_ts_format);
    tcase_add_test(tt, test_ts_parse_time_only);
    tcase_add_test(tt, test_extreme_times);
    tcase_add_test(tt, test_ts_field);
    tcase_add_test(tt, test_date_format);
    tcase_add_test(tt, test_ts_parse_fmt);
    tcase_add_test(tt, test_batch_ts);
    tcase_add_test(tt, test_special_datetime);
    suite_add_tcase(s, tt);
    return s;
}
