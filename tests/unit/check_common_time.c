/* check_common_time.c - the shared calendar, zone ids and Spark's string -> timestamp rule
** (common/cm_time.c), which both sluice check and the generated executables use.
*/
#include <check.h>
#include <stdio.h>
#include <string.h>

#include "common/cm_dtparse.h"
#include "common/cm_dtpattern.h"
#include "common/cm_time.h"

#define S 1000000LL
#define DAY (86400 * S)

enum { BAD = -1, OK = 0, TIME_ONLY = CM_TS_TIME_ONLY };

/* 2016-07-26 02:54:35 UTC, the reference instant of the cases. */
#define T0 (1469501675 * S)

static const struct {
    const char *in;
    int rc;
    int64_t us;
} ts_cases[] = {
    /* SparkDateTimeUtils.parseTimestampString's forms */
    {"2016-07-26T02:54:35Z", OK, T0},
    {"2016-07-26T02:54:35", OK, T0},
    {"2016-07-26 02:54:35", OK, T0},
    {"2016-07-26 02:54:35.5", OK, T0 + 500000},
    {"2016-07-26 02:54:35.123456", OK, T0 + 123456},
    {"2016-07-26 02:54:35.123456789", OK, T0 + 123456}, /* beyond µs: truncated */
    {"2016-07-26 02:54:35.1234567890", OK, T0 + 123456},
    {"2016-07-26 02:54:35.", OK, T0}, /* an empty fraction is valid */
    {"2016-07-26 02:54", OK, T0 - 35 * S},
    {"2016-07-26 02", OK, T0 - 54 * 60 * S - 35 * S},
    {"2016-07-26 2:5:3", OK, T0 - 49 * 60 * S - 32 * S},
    {"2016-07-26", OK, 17008 * DAY},
    {"2016-7-6", OK, 16988 * DAY},
    {"2016-07", OK, 1467331200 * S},
    {"2016", OK, 1451606400 * S},
    {"+2016-07-26", OK, 17008 * DAY},
    {"-0001-01-01", OK, -719893 * DAY},
    {"12345-01-01", OK, 3789391 * DAY},
    {" \t2016-07-26 02:54:35 \n", OK, T0},
    {"1969-12-31 23:59:59.999999", OK, -1},
    {"1900-01-01", OK, -2208988800 * S},
    {"2000-02-29", OK, 951782400 * S},
    {"-290308-12-21 19:59:06", OK, -9223372036854000000LL},
    {"+294247-01-10 04:00:54.775807", OK, INT64_MAX},
    /* zones: ZoneId.of after getZoneId's rewrites */
    {"2016-07-26T04:54:35+02:00", OK, T0},
    {"2016-07-26T04:54:35+0200", OK, T0},
    {"2016-07-26T04:54:35+02", OK, T0},
    {"2016-07-26T03:54:35+1", OK, T0},
    {"2016-07-26T03:54:35+1:00", OK, T0},   /* (+|-)h:mm */
    {"2016-07-26T03:59:35+01:5", OK, T0},   /* (+|-)hh:m */
    {"2016-07-26T04:54:50+02:00:15", OK, T0},
    {"2016-07-26T04:54:50+020015", OK, T0},
    {"2016-07-25T23:54:35-03:00", OK, T0},
    {"2016-07-26T02:54:35 UTC", OK, T0},
    {"2016-07-26T02:54:35  Z", OK, T0},
    {"2016-07-26T02:54:35.5Z", OK, T0 + 500000},
    {"2016-07-26T03:54:35GMT+01:00", OK, T0},
    {"2016-07-26T03:54:35UTC+1", OK, T0},
    {"2016-07-26T01:54:35 UT-01:00", OK, T0},
    {"2016-07-25T21:54:35 EST", OK, T0},
    {"2016-07-25T21:54:35 Etc/GMT+5", OK, T0},
    {"2016-07-26T02:54:35 Etc/UTC", OK, T0},
    {"2016-07-26T20:54:35+18:00", OK, T0},
    {"2016-07-26T02:54:35+18:01", BAD, 0},
    {"2016-07-26T02:54:35+19", BAD, 0},
    {"2016-07-26T02:54:35+01:60", BAD, 0},
    {"2016-07-26T02:54:35z", BAD, 0},            /* ZoneOffset.of wants "Z" */
    {"2016-07-26T02:54:35 utc", BAD, 0},         /* zone ids are case-sensitive */
    {"2016-07-26T02:54:35 Europe/Paris", BAD, 0}, /* a region: no tz database here */
    {"2016-07-26T02:54:35Q", BAD, 0},
    {"2016-07-26 02:54Z", BAD, 0}, /* a zone follows the seconds */
    /* not timestamps */
    {"2001-02-29", BAD, 0},
    {"2016-13-01", BAD, 0},
    {"2016-00-01", BAD, 0},
    {"2016-07-32", BAD, 0},
    {"2016-07-26 24:00:00", BAD, 0},
    {"2016-07-26 02:60", BAD, 0},
    {"2016-07-26 02:54:61", BAD, 0},
    {"2016-07-26 002:54", BAD, 0},
    {"2016-07-26T", BAD, 0},
    {"2016-07-26 02:", BAD, 0},
    {"2016-07-26t02:54:35", BAD, 0},
    {"2016-07-26 02:54:35 x", BAD, 0},
    {"16-07-26", BAD, 0},
    {"1234567-01-01", BAD, 0},
    {"294248-01-01", BAD, 0}, /* beyond the µs range */
    {"26/07/2016", BAD, 0},
    {"", BAD, 0},
    {"   ", BAD, 0},
    {"yesterday", BAD, 0},
    {"-12:00", BAD, 0}, /* a sign is the year's */
    {" T12:00", BAD, 0}, /* 'T' starts a time only at the first byte */
    /* a time alone: today's date, which the compiler does not know */
    {"12:34:56", TIME_ONLY, 0},
    {"T12:34", TIME_ONLY, 0},
    {"T12:34:56.5+02:00", TIME_ONLY, 0},
};

START_TEST(test_ts_parse)
{
    int64_t us = -777;
    const char *in = ts_cases[_i].in;
    int rc = cm_ts_parse(in, strlen(in), CM_TS_NO_DATE, &us);
    ck_assert_msg(rc == ts_cases[_i].rc, "'%s': rc %d, want %d", in, rc, ts_cases[_i].rc);
    if (rc == OK)
        ck_assert_msg(us == ts_cases[_i].us, "'%s': %lld, want %lld", in, (long long)us,
                      (long long)ts_cases[_i].us);
}
END_TEST

/* A time alone takes the current date in its own zone (LocalDate.now(zoneId)). */
/* cm_ts_parse's fast path for yyyy-MM-dd HH:mm:ss[.f][Z] gives what its general path gives:
   the same text with "+00:00" appended takes the general path (a zone other than Z), so each
   random value, valid or not (month 13, February 30, hour 24, a fraction of 0 to 9 digits),
   must parse the same both ways, and "Z" the same as "+00:00". */
START_TEST(test_ts_parse_canonical)
{
    uint64_t seed = 7;
    int fast_ok = 0;
    for (int it = 0; it < 200000; it++) {
        seed = seed * 6364136223846793005u + 1442695040888963407u;
        uint64_t r = seed >> 11;
        char t[64];
        int y = (int)(r % 10000), mo = (int)(r / 10000 % 14), d = (int)(r / 140000 % 33);
        int h = (int)(r / 4620000 % 25), mi = (int)(r / 115500000 % 61), se = (int)(r / 7045500000ull % 61);
        int fd = (int)(r / 429775500000ull % 11) - 1; /* -1: no '.' */
        int len = snprintf(t, sizeof t, "%04d-%02d-%02d%c%02d:%02d:%02d", y, mo, d, (r & 1) ? 'T' : ' ', h, mi, se);
        if (fd >= 0) {
            t[len++] = '.';
            for (int k = 0; k < fd; k++)
                t[len++] = (char)('0' + (seed >> (3 * k)) % 10);
        }
        t[len] = '\0';
        char zoned[80], z[80];
        snprintf(zoned, sizeof zoned, "%s+00:00", t);
        snprintf(z, sizeof z, "%sZ", t);
        int64_t a = -1, b = -2, c = -3;
        int ra = cm_ts_parse(t, (size_t)len, CM_TS_NO_DATE, &a);
        int rb = cm_ts_parse(zoned, strlen(zoned), CM_TS_NO_DATE, &b);
        int rc = cm_ts_parse(z, strlen(z), CM_TS_NO_DATE, &c);
        ck_assert_msg(ra == rb && rc == rb, "%s: %d %d %d", t, ra, rb, rc);
        if (ra == 0) {
            ck_assert_msg(a == b && c == b, "%s: %lld %lld %lld", t, (long long)a, (long long)b, (long long)c);
            fast_ok++;
        }
    }
    ck_assert_int_gt(fast_ok, 50000); /* most random values are valid */
    int64_t v;
    ck_assert_int_eq(cm_ts_parse("2016-07-26 02:54:37.1234567Z", 28, CM_TS_NO_DATE, &v), 0);
    ck_assert_int_eq(v, 1469501677123456LL);
    ck_assert_int_eq(cm_ts_parse("2016-07-26T02:54:37.", 20, CM_TS_NO_DATE, &v), 0);
    ck_assert_int_eq(v, 1469501677000000LL);
}
END_TEST

START_TEST(test_ts_time_only)
{
    int64_t us;
    ck_assert_int_eq(cm_ts_parse("12:34:56", 8, T0, &us), 0);
    ck_assert_int_eq(us, 17008 * DAY + (12 * 3600 + 34 * 60 + 56) * S);
    ck_assert_int_eq(cm_ts_parse("T01:00", 6, T0, &us), 0);
    ck_assert_int_eq(us, 17008 * DAY + 3600 * S);
    /* 02:54Z on the 26th is already 16:54 on the 26th at +14:00, but still the 25th at -05. */
    ck_assert_int_eq(cm_ts_parse("12:00:00+14:00", 14, T0, &us), 0);
    ck_assert_int_eq(us, 17008 * DAY + 12 * 3600 * S - 14 * 3600 * S);
    ck_assert_int_eq(cm_ts_parse("12:00:00-05:00", 14, T0, &us), 0);
    ck_assert_int_eq(us, 17007 * DAY + 12 * 3600 * S + 5 * 3600 * S);
    /* The length bounds the text: no terminating NUL needed. */
    ck_assert_int_eq(cm_ts_parse("2016-07-26 02:54:35garbage", 19, CM_TS_NO_DATE, &us), 0);
    ck_assert_int_eq(us, T0);
}
END_TEST

START_TEST(test_zone_offset)
{
    static const struct {
        const char *id;
        bool ok;
        int32_t off;
    } zones[] = {
        {"Z", true, 0},         {"+01:00", true, 3600},   {"-0130", true, -5400},
        {"+5", true, 18000},    {"+05:30:10", true, 19810}, {"UTC", true, 0},
        {"GMT", true, 0},       {"UT", true, 0},          {"GMT-8", true, -28800},
        {"UTC+01:00", true, 3600}, {"MST", true, -25200}, {"HST", true, -36000},
        {"Etc/GMT-14", true, 50400}, {"Etc/GMT+12", true, -43200}, {"Zulu", true, 0},
        {"+1:30", true, 5400},  {"-03:7", true, -11220},
        {"Etc/GMT+13", false, 0}, {"Etc/GMT+05", false, 0}, {"PST", false, 0},
        {"", false, 0},         {"+", false, 0},          {"+123", false, 0},
        {"+01:0a", false, 0},   {"GMT+", false, 0},       {"UTCX", false, 0},
        {"+18:30", false, 0},
    };
    for (size_t i = 0; i < sizeof zones / sizeof zones[0]; i++) {
        int32_t off = 12345;
        bool ok = cm_zone_offset(zones[i].id, strlen(zones[i].id), &off);
        ck_assert_msg(ok == zones[i].ok, "'%s': %d", zones[i].id, ok);
        if (ok)
            ck_assert_msg(off == zones[i].off, "'%s': %d, want %d", zones[i].id, off,
                          zones[i].off);
    }
}
END_TEST

START_TEST(test_calendar)
{
    ck_assert_int_eq(cm_days_from_civil(1970, 1, 1), 0);
    ck_assert_int_eq(cm_days_from_civil(1, 1, 1), -719162);
    ck_assert_int_eq(cm_days_from_civil(2000, 3, 1), 11017);
    /* civil_from_days inverts days_from_civil across eras and leap rules. */
    for (int64_t d = -800000; d <= 800000; d += 997) {
        int64_t y;
        int m, dd;
        cm_civil_from_days(d, &y, &m, &dd);
        ck_assert_int_eq(cm_days_from_civil(y, m, dd), d);
        ck_assert(dd >= 1 && dd <= cm_days_in_month(y, m));
    }
    ck_assert(cm_is_leap(2000) && cm_is_leap(2016) && cm_is_leap(0) && cm_is_leap(-4));
    ck_assert(!cm_is_leap(1900) && !cm_is_leap(2015));
    ck_assert_int_eq(cm_days_in_month(2016, 2), 29);
    ck_assert_int_eq(cm_days_in_month(2015, 2), 28);
    ck_assert_int_eq(cm_floordiv(-1, DAY), -1);
    ck_assert_int_eq(cm_floordiv(-DAY, DAY), -1);
    ck_assert_int_eq(cm_floordiv(DAY - 1, DAY), 0);
}
END_TEST

/* DateTimeUtils.extractSpecialValue: (\p{Alpha}+)\p{Blank}*(.*) over the trimmed text, the
   zone only checked ("now" refuses one), and convertSpecial* in UTC. */
/* cm_dt_legacy_accepts: Spark 3.5's non-lenient SimpleDateFormat, parse(String).  The first
   fourteen are sql-tests/results/datetime-parsing-invalid.sql.out of Spark (accepted: the
   query fails with PARSE_DATETIME_BY_NEW_PARSER; rejected: NULL). */
START_TEST(test_legacy_accepts)
{
    static const struct {
        const char *s, *fmt;
        int ok;
    } cases[] = {
        {"1", "yy", 1},
        {"-12", "yy", 0},
        {"123", "yy", 1},
        {"1", "yyy", 1},
        {"366", "D", 0},
        {"9", "DD", 1},
        {"99", "DDD", 1},
        {"30-365", "dd-DDD", 0},
        {"11-365", "MM-DDD", 0},
        {"2019-366", "yyyy-DDD", 0},
        {"12-30-365", "MM-dd-DDD", 0},
        {"2020-01-365", "yyyy-dd-DDD", 0},
        {"2020-11-31-366", "yyyy-MM-dd-DDD", 0},
        {"2020-01-27T20:06:11.847", "yyyy-MM-dd HH:mm:ss.SSS", 0},
        {"2024-1-5", "yyyy-MM-dd", 1},
        {"2024-01-5", "yyyy-MM-dd", 1},
        {"2024-01-05 7:03:04", "yyyy-MM-dd HH:mm:ss", 1},
        {"2024-01-05 trailing", "yyyy-MM-dd", 1},
        {"2024-01- 5", "yyyy-MM-dd", 1},
        {"1500-02-29", "yyyy-MM-dd", 1},
        {"1582-10-10", "yyyy-MM-dd", 0},
        {"abc", "yyyy-MM-dd", 0},
        {"2024-02-30", "yyyy-MM-dd", 0},
        {"2024-13-01", "yyyy-MM-dd", 0},
        {"2024-01-05 24:00:00", "yyyy-MM-dd HH:mm:ss", 0},
        {"2024-01-05 13 AM", "yyyy-MM-dd HH a", 0},
        {"2024-01-05 1 pm", "yyyy-MM-dd h a", 1},
        {"jan 5, 2024", "MMM d, yyyy", 1},
        {"2024-01-05", "yyyy-MM-dd'T'", 0},
        {"0000-01-05", "yyyy-MM-dd", 0},
        /* E, Z, z and X, each checked with Java 17's SimpleDateFormat(pattern, Locale.US),
           setLenient(false), UTC */
        {"2024-01-05 Fri", "yyyy-MM-dd EEE", 1},
        {"2024-01-05 Mon", "yyyy-MM-dd EEE", 0},
        {"2024-01-05 FRIDAY", "yyyy-MM-dd E", 1},
        {"2024-01-05 Fr", "yyyy-MM-dd E", 0},
        {"2024-01-05 Fridays", "yyyy-MM-dd E", 1},
        {"Mon", "EEE", 1},
        {"Thu, 01 Jan 1970", "EEE, dd MMM yyyy", 1},
        {"1582-10-04 Thu", "yyyy-MM-dd E", 1},
        {"1582-10-15 Fri", "yyyy-MM-dd E", 1},
        {"1500-03-01 Sun", "yyyy-MM-dd E", 1},
        {"1500-03-01 Fri", "yyyy-MM-dd E", 0},
        {"2024-005 Sat", "yyyy-DDD E", 0},
        {"Sat 1582-10", "E yyyy-MM", 0},
        {"Thu 1582-10", "E yyyy-MM", 1},
        {"2024-01-05 +0530", "yyyy-MM-dd Z", 1},
        {"2024-01-05 +05:30", "yyyy-MM-dd Z", 0},
        {"2024-01-05 GMT", "yyyy-MM-dd Z", 1},
        {"2024-01-05 GMT+5:30", "yyyy-MM-dd Z", 1},
        {"2024-01-05 GMT+0530", "yyyy-MM-dd Z", 0},
        {"2024-01-05 gmt-8:00", "yyyy-MM-dd Z", 1},
        {"2024-01-05 +1400", "yyyy-MM-dd Z", 1},
        {"2024-01-05 +1401", "yyyy-MM-dd Z", 0},
        {"2024-01-05 -1301", "yyyy-MM-dd Z", 0},
        {"2024-01-05 +0560", "yyyy-MM-dd Z", 0},
        {"2024-01-05 GMTx", "yyyy-MM-dd Z", 1},
        {"2024-01-05 GMT+5", "yyyy-MM-dd z", 0},
        {"2024-01-05 +0530", "yyyy-MM-dd z", 1},
        {"2024-01-05 Z", "yyyy-MM-dd X", 1},
        {"2024-01-05 +05", "yyyy-MM-dd X", 1},
        {"2024-01-05 +5", "yyyy-MM-dd X", 0},
        {"2024-01-05 +05:30", "yyyy-MM-dd XX", 0},
        {"2024-01-05 +05:30", "yyyy-MM-dd XXX", 1},
        {"2024-01-05 z", "yyyy-MM-dd X", 0},
        {"2024-01-05 -14", "yyyy-MM-dd X", 0},
        {"2024-01-05 +05:30", "yyyy-MM-dd XXXX", 0},
        {"20240105100000+0100", "yyyyMMddHHmmssZ", 1},
        {"2024-01-05 10:00 Fri +01:00", "yyyy-MM-dd HH:mm E XXX", 1},
        /* G: the short and long era names in any case, not the narrow ones; BC years by the
           Julian calendar (1 BC and 45 BC leap years, 1 BC-01-01 a Thursday); the time's
           range ends in 292269055 BC.  V, O and x are no SimpleDateFormat letters: its
           constructor throws, the text stays NULL (also checked with Java 17) */
        {"2024-1-5 AD", "yyyy-MM-dd G", 1},
        {"2024-01-05 ad", "yyyy-MM-dd G", 1},
        {"2024-01-05 Anno Domini", "yyyy-MM-dd G", 1},
        {"2024-01-05 BCE", "yyyy-MM-dd GGGG", 1},
        {"2024-01-05 A", "yyyy-MM-dd G", 0},
        {"2024-01-05 CE", "yyyy-MM-dd G", 0},
        {"2024-01-05  AD", "yyyy-MM-dd G", 0},
        {"0045-02-29 BC", "yyyy-MM-dd G", 1},
        {"0044-02-29 Before Christ", "yyyy-MM-dd G", 0},
        {"0001-02-29 BC", "yyyy-MM-dd G", 1},
        {"0001-01-01 BC Thu", "yyyy-MM-dd G E", 1},
        {"0001-01-01 BC Fri", "yyyy-MM-dd G E", 0},
        {"5000-01-01 BC Mon", "yyyy-MM-dd G E", 0},
        {"292269054-01-01 BC", "yyyy-MM-dd G", 1},
        {"292269055-01-01 BC", "yyyy-MM-dd G", 0},
        {"BC", "G", 1},
        {"2024-01-05 AD", "yyyy-MM-dd VV", 0},
        {"2024-01-05 GMT", "yyyy-MM-dd O", 0},
        {"2024-01-05 +01", "yyyy-MM-dd x", 0},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        ck_assert_msg(cm_dt_legacy_accepts(cases[i].s, (uint32_t)strlen(cases[i].s), cases[i].fmt,
                                           (uint32_t)strlen(cases[i].fmt)) == cases[i].ok,
                      "case %zu '%s' with '%s'", i, cases[i].s, cases[i].fmt);
}
END_TEST

/* QueryExecutionErrors.failToRecognizePatternAfterUpgradeError: error class, the lines joined
   by a newline, the pattern as toSQLValue prints it (a quote or backslash escaped). */
START_TEST(test_pattern_message)
{
    char msg[CM_DT_PATTERN_MSG_ROOM(64)];
    const char *p = "hh 'o''clock' aa";
    ck_assert_int_eq(cm_dt_pattern_problem(p, (uint32_t)strlen(p), 0, msg), 2);
    ck_assert_str_eq(msg,
                     "[INCONSISTENT_BEHAVIOR_CROSS_VERSION.DATETIME_PATTERN_RECOGNITION] You may "
                     "get a different result due to the upgrading to Spark >= 3.0:\nFail to "
                     "recognize 'hh \\'o\\'\\'clock\\' aa' pattern in the DateTimeFormatter. 1) "
                     "You can set \"spark.sql.legacy.timeParserPolicy\" to \"LEGACY\" to restore "
                     "the behavior before Spark 3.0. 2) You can form a valid datetime pattern with "
                     "the guide from "
                     "'https://spark.apache.org/docs/latest/sql-ref-datetime-pattern.html'.");
    ck_assert_int_eq(cm_dt_pattern_problem("OO", 2, 0, msg), 1);
    ck_assert_str_eq(msg, "Pattern letter count must be 1 or 4: O");
    ck_assert_int_eq(cm_dt_pattern_check("a\\aa", 4, CM_DTPAT_PARSE_NTZ, msg), 1);
    ck_assert_str_eq(msg, "Fail to recognize 'a\\\\aa' pattern in the DateTimeFormatter. You can "
                          "form a valid datetime pattern with the guide from "
                          "'https://spark.apache.org/docs/latest/sql-ref-datetime-pattern.html'.");
}
END_TEST

/* A region reader for the zone names: the ids the cases meet, as fixed offsets (standard time,
   enough for January). */
static int stub_region(const char *s, uint32_t n, int32_t *off_s, const int64_t **rules)
{
    static const struct {
        const char *id;
        int32_t off;
    } zones[] = {{"America/Los_Angeles", -8 * 3600},
                 {"America/New_York", -5 * 3600},
                 {"Asia/Kolkata", 19800},
                 {"Asia/Tokyo", 9 * 3600},
                 {"Africa/Abidjan", 0},
                 {"Etc/GMT", 0}};
    *rules = NULL;
    for (size_t i = 0; i < sizeof zones / sizeof zones[0]; i++)
        if (strlen(zones[i].id) == n && memcmp(zones[i].id, s, n) == 0) {
            *off_s = zones[i].off;
            return 1;
        }
    return 0;
}

/* z and zzzz read Java 17's zone names (ZoneTextPrinterParser, Locale.US, in any case). */
START_TEST(test_zone_names)
{
    static const struct {
        const char *s, *fmt;
        int64_t off; /* -1: no match */
    } cases[] = {
        {"PST", "z", -8 * 3600},
        {"pdt", "zzz", -8 * 3600},
        {"ET", "z", -5 * 3600},
        {"JST", "zz", 9 * 3600},
        {"IST", "z", 0},        /* Java 17's tree keeps Africa/Abidjan for IST */
        {"\xc4\xb0ST", "z", 0}, /* U+0130 equals 'I' as charEqualsIgnoreCase compares */
        {"America/NEW_york", "z", -5 * 3600},
        {"Pacific Standard Time", "zzzz", -8 * 3600},
        {"INDIA standard time", "zzzz", 19800},
        {"Pacific Standard Time", "z", -1},
        {"PST", "zzzz", -1},
        {"Etc/GMT+5", "z", -1}, /* reads Etc/GMT, +5 left */
        {"UTC+05:30", "z", 19800},
        {"XYZ", "z", -1},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        int64_t local_s, micros, off_s;
        int r = cm_dt_parse(cases[i].s, (uint32_t)strlen(cases[i].s), cases[i].fmt,
                            (uint32_t)strlen(cases[i].fmt), stub_region, &local_s, &micros, &off_s);
        if (cases[i].off == -1)
            ck_assert_msg(r < 0, "case %zu '%s' matched", i, cases[i].s);
        else
            ck_assert_msg(r == 0 && off_s == cases[i].off, "case %zu '%s': %d, offset %lld", i,
                          cases[i].s, r, (long long)off_s);
    }
}
END_TEST

START_TEST(test_special_values)
{
    static const struct {
        const char *s;
        CmSpecial want;
    } cases[] = {
        {"epoch", CM_SPECIAL_EPOCH},          {" EPOCH \n", CM_SPECIAL_EPOCH},
        {"Today", CM_SPECIAL_TODAY},          {"yesterday", CM_SPECIAL_YESTERDAY},
        {"tomorrow", CM_SPECIAL_TOMORROW},    {"now", CM_SPECIAL_NOW},
        {"epoch UTC", CM_SPECIAL_EPOCH},      {"today\t +01:00", CM_SPECIAL_TODAY},
        {"epoch+1:00", CM_SPECIAL_EPOCH},     {"tomorrow  Z", CM_SPECIAL_TOMORROW},
        {"now UTC", CM_SPECIAL_NONE},         {"now Z", CM_SPECIAL_NONE},
        {"epochUTC", CM_SPECIAL_NONE},        {"epoch Mars/Base", CM_SPECIAL_NONE},
        {"epochs", CM_SPECIAL_NONE},          {"epoch1", CM_SPECIAL_NONE},
        {"epoch UTC x", CM_SPECIAL_NONE},     {"epoch\nUTC", CM_SPECIAL_NONE},
        {"epoch \xe2\x80\xa8", CM_SPECIAL_NONE}, {"", CM_SPECIAL_NONE},
        {"1970-01-01", CM_SPECIAL_NONE},      {"\xc3\xa9poch", CM_SPECIAL_NONE},
        {"today Europe/Paris", CM_SPECIAL_NONE}, /* no region reader here */
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        CmSpecial got = cm_special_datetime(cases[i].s, strlen(cases[i].s), NULL);
        ck_assert_msg(got == cases[i].want, "'%s': %d, want %d", cases[i].s, got, cases[i].want);
    }
    int64_t now = 19000 * DAY + 5 * 3600 * INT64_C(1000000) + 123456; /* 2022-01-08 05:00 */
    ck_assert_int_eq(cm_special_value(CM_SPECIAL_EPOCH, true, now), 0);
    ck_assert_int_eq(cm_special_value(CM_SPECIAL_NOW, true, now), 19000);
    ck_assert_int_eq(cm_special_value(CM_SPECIAL_TODAY, true, now), 19000);
    ck_assert_int_eq(cm_special_value(CM_SPECIAL_YESTERDAY, true, now), 18999);
    ck_assert_int_eq(cm_special_value(CM_SPECIAL_TOMORROW, true, now), 19001);
    ck_assert_int_eq(cm_special_value(CM_SPECIAL_NOW, false, now), now);
    ck_assert_int_eq(cm_special_value(CM_SPECIAL_TODAY, false, now), 19000 * DAY);
    ck_assert_int_eq(cm_special_value(CM_SPECIAL_TOMORROW, false, now), 19001 * DAY);
    ck_assert_int_eq(cm_special_value(CM_SPECIAL_YESTERDAY, false, -1), -2 * DAY);
}
END_TEST

Suite *common_time_suite(void)
{
    Suite *s = suite_create("common_time");
    TCase *tc = tcase_create("ts_parse");
    tcase_add_loop_test(tc, test_ts_parse, 0, (int)(sizeof ts_cases / sizeof ts_cases[0]));
    tcase_add_test(tc, test_ts_time_only);
    tcase_add_test(tc, test_ts_parse_canonical);
    tcase_add_test(tc, test_zone_offset);
    tcase_add_test(tc, test_calendar);
    tcase_add_test(tc, test_special_values);
    tcase_add_test(tc, test_legacy_accepts);
    tcase_add_test(tc, test_pattern_message);
    tcase_add_test(tc, test_zone_names);
    suite_add_tcase(s, tc);
    return s;
}
