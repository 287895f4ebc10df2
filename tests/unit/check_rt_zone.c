/* check_rt_zone.c - the runtime's cache of zones found in data (core/srt_zone.c): what an id
** resolves to, one kept answer per id, lookups from several threads at once, unknown ids past
** what the cache keeps, a missing tz database; and the per-row users (srt_ts_parse,
** srt_tz_shift_id).  Each test runs in its own process (check's fork mode), so each starts
** with an empty cache.
*/
#include <check.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "common/cm_time.h"
#include "common/cm_tz.h"
#include "srt_abi.h"

#define H 3600

static int64_t utc(int64_t y, int m, int d, int h, int mi)
{
    return cm_days_from_civil(y, m, d) * 86400 + h * H + mi * 60;
}

static int find(const char *id, int32_t *off, const int64_t **rules, char *msg, uint32_t cap)
{
    return srt_zone_find(id, (uint32_t)strlen(id), off, rules, msg, cap);
}

START_TEST(test_find_kinds)
{
    int32_t off;
    const int64_t *paris, *again, *ecv;
    char msg[320];
    ck_assert_int_eq(find("Europe/Paris", &off, &paris, NULL, 0), CM_ZONE_RULES);
    ck_assert_int_eq(cm_tz_offset_at(paris, utc(2021, 3, 28, 1, 0) - 1), H);
    ck_assert_int_eq(cm_tz_offset_at(paris, utc(2021, 3, 28, 1, 0)), 2 * H);
    /* kept: the same table the second time, and for the SHORT_IDS name a table of its own */
    ck_assert_int_eq(find("Europe/Paris", &off, &again, NULL, 0), CM_ZONE_RULES);
    ck_assert_ptr_eq(paris, again);
    ck_assert_int_eq(find("ECT", &off, &ecv, NULL, 0), CM_ZONE_RULES);
    ck_assert_int_eq(cm_tz_offset_at(ecv, utc(2021, 7, 1, 0, 0)), 2 * H);
    ck_assert_int_eq(find("GMT+1", &off, &again, NULL, 0), CM_ZONE_FIXED);
    ck_assert_int_eq(off, H);
    ck_assert_int_eq(find("+5:30", &off, &again, NULL, 0), CM_ZONE_FIXED); /* getZoneId's +h: */
    ck_assert_int_eq(off, 5 * H + 1800);
    ck_assert_int_eq(find("Mars/Olympus", &off, &again, msg, sizeof msg), CM_ZONE_INVALID);
    ck_assert_str_eq(msg, "Unknown time-zone ID: Mars/Olympus");
    ck_assert_int_eq(find("Mars/Olympus", &off, &again, msg, sizeof msg), CM_ZONE_INVALID);
    ck_assert_str_eq(msg, "Unknown time-zone ID: Mars/Olympus");
    ck_assert_int_eq(find("Europe//Paris", &off, &again, msg, sizeof msg), CM_ZONE_INVALID);
    ck_assert_str_eq(msg, "Unknown time-zone ID: Europe//Paris");
    ck_assert_int_eq(find("europe paris", &off, &again, msg, sizeof msg), CM_ZONE_INVALID);
    ck_assert_str_eq(msg, "Invalid ID for region-based ZoneId, invalid format: europe paris");
    ck_assert_int_eq(find("GMT+25", &off, &again, msg, sizeof msg), CM_ZONE_INVALID);
    ck_assert_str_eq(msg, "Invalid ID for offset-based ZoneId: GMT+25");
}
END_TEST

/* Many threads meeting the same ids for the first time at once get one answer per id. */
#define N_THREADS 8
static const char *const thread_ids[] = {
    "Europe/Paris", "America/New_York", "Asia/Kolkata", "Australia/Lord_Howe",
    "PST",          "Mars/Olympus",     "UTC+01:00",    "Asia/Tokyo"};
#define N_IDS (sizeof thread_ids / sizeof thread_ids[0])

typedef struct {
    const int64_t *seen[N_IDS];
    int bad;
} ThreadOut;

static void *lookups(void *arg)
{
    ThreadOut *o = arg;
    for (int round = 0; round < 2000; round++)
        for (size_t i = 0; i < N_IDS; i++) {
            int32_t off;
            const int64_t *rules = NULL;
            int kind = find(thread_ids[i], &off, &rules, NULL, 0);
            if (kind == CM_ZONE_RULES && (o->seen[i] ? o->seen[i] != rules : !rules))
                o->bad++;
            o->seen[i] = kind == CM_ZONE_RULES ? rules : NULL;
        }
    return NULL;
}

START_TEST(test_threads)
{
    pthread_t th[N_THREADS];
    ThreadOut out[N_THREADS];
    memset(out, 0, sizeof out);
    for (int t = 0; t < N_THREADS; t++)
        ck_assert_int_eq(pthread_create(&th[t], NULL, lookups, &out[t]), 0);
    for (int t = 0; t < N_THREADS; t++)
        pthread_join(th[t], NULL);
    for (int t = 0; t < N_THREADS; t++) {
        ck_assert_int_eq(out[t].bad, 0);
        for (size_t i = 0; i < N_IDS; i++)
            ck_assert_ptr_eq(out[t].seen[i], out[0].seen[i]);
    }
    ck_assert_ptr_nonnull(out[0].seen[0]);
    ck_assert_ptr_null(out[0].seen[5]); /* unknown */
    ck_assert_ptr_null(out[0].seen[6]); /* fixed */
}
END_TEST

/* Made-up ids beyond what the cache keeps are still answered, and regions still kept. */
START_TEST(test_many_unknown)
{
    char id[32], msg[320];
    int32_t off;
    const int64_t *rules, *again;
    for (int i = 0; i < 5000; i++) {
        int n = snprintf(id, sizeof id, "Nowhere/Z%d", i);
        ck_assert_int_eq(srt_zone_find(id, (uint32_t)n, &off, &rules, msg, sizeof msg),
                         CM_ZONE_INVALID);
        ck_assert_str_eq(msg + strlen("Unknown time-zone ID: "), id);
    }
    ck_assert_int_eq(find("Asia/Kolkata", &off, &rules, NULL, 0), CM_ZONE_RULES);
    ck_assert_int_eq(find("Asia/Kolkata", &off, &again, NULL, 0), CM_ZONE_RULES);
    ck_assert_ptr_eq(rules, again);
    ck_assert_int_eq(cm_tz_offset_at(rules, utc(2021, 1, 1, 0, 0)), 5 * H + 1800);
    /* an id too long to keep */
    char long_id[200];
    memset(long_id, 'A', sizeof long_id - 1);
    long_id[sizeof long_id - 1] = '\0';
    ck_assert_int_eq(find(long_id, &off, &rules, msg, sizeof msg), CM_ZONE_INVALID);
}
END_TEST

/* Without the tz database a region is an unknown id, and the message says why. */
START_TEST(test_no_tz_database)
{
    setenv("TZDIR", "/nonexistent-tz-database", 1);
    int32_t off;
    const int64_t *rules;
    char msg[320];
    ck_assert_int_eq(find("Europe/Paris", &off, &rules, msg, sizeof msg), CM_ZONE_INVALID);
    ck_assert_str_eq(msg, "Unknown time-zone ID: Europe/Paris (the tz database at "
                          "/nonexistent-tz-database is missing: install tzdata, or set TZDIR)");
    ck_assert_int_eq(find("GMT+1", &off, &rules, NULL, 0), CM_ZONE_FIXED);
    int64_t us;
    const char *s = "2021-07-01 12:00:00 Europe/Paris";
    ck_assert_int_eq(srt_ts_parse(s, (uint32_t)strlen(s), &us), -1);
    unsetenv("TZDIR");
}
END_TEST

/* The per-row users: srt_ts_parse (casts, JSON/CSV) and srt_tz_shift_id (a zone column). */
START_TEST(test_row_users)
{
    static const struct {
        const char *s;
        int rc;
        int64_t s_utc;
    } cases[] = {
        {"2021-03-28 02:30:00 Europe/Paris", 0, 1616895000},         /* gap: 01:30Z */
        {"2021-10-31 02:30:00 Europe/Paris", 0, 1635640200},         /* overlap: 00:30Z */
        {"2021-03-14T02:30:00America/New_York", 0, 1615707000},      /* gap: 07:30Z */
        {"  2021-11-07 01:30:00  America/New_York ", 0, 1636263000}, /* overlap: 05:30Z */
        {"2021-01-01 00:00:00 GMT+1", 0, 1609455600},
        {"2021-01-01 00:00:00 Mars/Olympus", -1, 0},
        {"12:00:00 Mars/Olympus", -1, 0},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        int64_t us = 0;
        ck_assert_int_eq(srt_ts_parse(cases[i].s, (uint32_t)strlen(cases[i].s), &us), cases[i].rc);
        if (cases[i].rc == 0)
            ck_assert_msg(us == cases[i].s_utc * 1000000, "%s", cases[i].s);
    }
    int64_t out;
    int64_t t = utc(2021, 3, 28, 1, 30) * 1000000;
    ck_assert_int_eq(srt_tz_shift_id(NULL, t, "Europe/Paris", 12, 0, &out), 0);
    ck_assert(out == utc(2021, 3, 28, 3, 30) * 1000000);
    ck_assert_int_eq(
        srt_tz_shift_id(NULL, utc(2021, 3, 28, 2, 30) * 1000000, "Europe/Paris", 12, 1, &out), 0);
    ck_assert(out == utc(2021, 3, 28, 1, 30) * 1000000); /* the gap moves later */
    ck_assert_int_eq(srt_tz_shift_id(NULL, t, "+05:30", 6, 1, &out), 0);
    ck_assert(out == t - (5 * H + 1800) * 1000000LL);
    ck_assert_int_eq(srt_tz_shift_id(NULL, INT64_MAX - 10, "+05:30", 6, 0, &out),
                     SRT_DATE_OVERFLOW);
}
END_TEST

/* A time alone with a region zone: today's date in that zone (LocalDate.now(zoneId)), the
   time read there.  Kolkata has kept +05:30 since 1945. */
START_TEST(test_time_alone)
{
    for (int attempt = 0; attempt < 3; attempt++) {
        time_t before = time(NULL);
        int64_t us;
        ck_assert_int_eq(srt_ts_parse("12:00:00 Asia/Kolkata", 21, &us), 0);
        time_t after = time(NULL);
        int64_t off = 5 * H + 1800;
        int64_t day = cm_floordiv((int64_t)before + off, 86400);
        if (day != cm_floordiv((int64_t)after + off, 86400))
            continue; /* midnight in Kolkata passed meanwhile */
        ck_assert(us == (day * 86400 + 12 * H - off) * 1000000);
        return;
    }
    ck_abort_msg("midnight three times");
}
END_TEST

Suite *rt_zone_suite(void)
{
    Suite *s = suite_create("rt_zone");
    TCase *tc = tcase_create("zone");
    tcase_add_test(tc, test_find_kinds);
    tcase_add_test(tc, test_threads);
    tcase_add_test(tc, test_many_unknown);
    tcase_add_test(tc, test_no_tz_database);
    tcase_add_test(tc, test_row_users);
    tcase_add_test(tc, test_time_alone);
    suite_add_tcase(s, tc);
    return s;
}
