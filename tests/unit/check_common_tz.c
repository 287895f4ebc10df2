/* check_common_tz.c - region zones (common/cm_tz.c, cm_tzfile.c): POSIX TZ rules, a TZif
** file built here (a "slim" one: few transitions, the rest from the footer), java.time's
** gap and overlap rules on hand-made tables, and zone ids as getZoneId reads them.  The
** comparison with python3's zoneinfo over the machine's tz database is tests/tools/check_tz.py.
*/
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "common/cm_time.h"
#include "common/cm_tz.h"

#define H 3600

/* UTC seconds of y-m-d h:mi. */
static int64_t utc(int64_t y, int m, int d, int h, int mi)
{
    return cm_days_from_civil(y, m, d) * 86400 + h * H + mi * 60;
}

/* A table with the given transitions (at[i], offsets off[0..n]) and no rule. */
static int64_t *table(int n, const int64_t *at, const int64_t *off)
{
    int64_t *z = calloc(CM_TZ_LEN(n), sizeof *z);
    z[CM_TZ_N] = n;
    memcpy(z + CM_TZ_HEAD, at, (size_t)n * sizeof *at);
    memcpy(z + CM_TZ_HEAD + n, off, (size_t)(n + 1) * sizeof *off);
    return z;
}

/* A table of only the POSIX rule s. */
static int64_t *rule_table(const char *s)
{
    int64_t *z = calloc(CM_TZ_LEN(0), sizeof *z);
    int32_t std;
    ck_assert_msg(cm_tz_posix_parse(s, strlen(s), z, &std), "%s", s);
    z[CM_TZ_HEAD] = std;
    return z;
}

START_TEST(test_posix_parse)
{
    int64_t z[CM_TZ_HEAD];
    int32_t std;
    ck_assert(cm_tz_posix_parse("CET-1CEST,M3.5.0,M10.5.0/3", 26, z, &std));
    ck_assert_int_eq(std, H);
    ck_assert_int_eq(z[CM_TZ_RULE], 1);
    ck_assert_int_eq(z[CM_TZ_STD], H);
    ck_assert_int_eq(z[CM_TZ_DST], 2 * H);
    ck_assert_int_eq(z[CM_TZ_START], CM_TZ_MONTH);
    ck_assert_int_eq(z[CM_TZ_START + 1], 3);
    ck_assert_int_eq(z[CM_TZ_START + 2], 5);
    ck_assert_int_eq(z[CM_TZ_START + 3], 0);
    ck_assert_int_eq(z[CM_TZ_START + 4], 2 * H); /* the default 02:00 */
    ck_assert_int_eq(z[CM_TZ_END + 4], 3 * H);
    /* Lord Howe: quoted names, half-hour offsets, a DST offset given */
    const char *lh = "<+1030>-10:30<+11>-11,M10.1.0,M4.1.0";
    ck_assert(cm_tz_posix_parse(lh, strlen(lh), z, &std));
    ck_assert_int_eq(z[CM_TZ_STD], 10 * H + 1800);
    ck_assert_int_eq(z[CM_TZ_DST], 11 * H);
    /* Dublin: negative DST (GMT in winter is the "daylight" time) */
    const char *ie = "IST-1GMT0,M10.5.0,M3.5.0/1";
    ck_assert(cm_tz_posix_parse(ie, strlen(ie), z, &std));
    ck_assert_int_eq(z[CM_TZ_STD], H);
    ck_assert_int_eq(z[CM_TZ_DST], 0);
    /* no DST */
    ck_assert(cm_tz_posix_parse("<-03>3", 6, z, &std));
    ck_assert_int_eq(std, -3 * H);
    ck_assert_int_eq(z[CM_TZ_RULE], 0);
    ck_assert(cm_tz_posix_parse("IST-5:30", 8, z, &std));
    ck_assert_int_eq(std, 5 * H + 1800);
    /* Julian days and RFC 8536's extended hours */
    const char *j = "EST5EDT,0/0,J365/25";
    ck_assert(cm_tz_posix_parse(j, strlen(j), z, &std));
    ck_assert_int_eq(z[CM_TZ_START], CM_TZ_JULIAN0);
    ck_assert_int_eq(z[CM_TZ_END], CM_TZ_JULIAN1);
    ck_assert_int_eq(z[CM_TZ_END + 1], 365);
    ck_assert_int_eq(z[CM_TZ_END + 4], 25 * H);
    const char *ext = "<-03>3<-02>,M3.5.0/-2,M10.5.0/-1";
    ck_assert(cm_tz_posix_parse(ext, strlen(ext), z, &std));
    ck_assert_int_eq(z[CM_TZ_START + 4], -2 * H);
    /* malformed */
    static const char *const bad[] = {"",
                                      "CE-1",
                                      "CET",
                                      "CET-1CEST",
                                      "CET-1CEST,M3.5.0",
                                      "CET-1CEST,M13.5.0,M10.5.0",
                                      "CET-1CEST,M3.6.0,M10.5.0",
                                      "CET-1CEST,J0,J365",
                                      "<+1030-10:30",
                                      "CET-1CEST,M3.5.0,M10.5.0x"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        ck_assert_msg(!cm_tz_posix_parse(bad[i], strlen(bad[i]), z, &std), "%s", bad[i]);
}
END_TEST

START_TEST(test_rule_offsets)
{
    /* Paris' rule: last Sunday of March 01:00 UTC to last Sunday of October 01:00 UTC */
    int64_t *z = rule_table("CET-1CEST,M3.5.0,M10.5.0/3");
    ck_assert_int_eq(cm_tz_offset_at(z, utc(2016, 3, 27, 1, 0) - 1), H);
    ck_assert_int_eq(cm_tz_offset_at(z, utc(2016, 3, 27, 1, 0)), 2 * H);
    ck_assert_int_eq(cm_tz_offset_at(z, utc(2016, 10, 30, 1, 0) - 1), 2 * H);
    ck_assert_int_eq(cm_tz_offset_at(z, utc(2016, 10, 30, 1, 0)), H);
    ck_assert_int_eq(cm_tz_offset_at(z, utc(2099, 3, 29, 1, 0)), 2 * H); /* March 29, 2099 */
    ck_assert_int_eq(cm_tz_offset_at(z, utc(2099, 3, 29, 1, 0) - 1), H);
    /* local: 02:30 on March 27 is in the gap (the offset before), 02:30 on October 30 in
       the overlap (the earlier offset, +2) */
    ck_assert_int_eq(cm_tz_local_offset(z, utc(2016, 3, 27, 2, 30), false), H);
    ck_assert_int_eq(cm_tz_local_offset(z, utc(2016, 3, 27, 3, 0), false), 2 * H);
    ck_assert_int_eq(cm_tz_local_offset(z, utc(2016, 3, 27, 2, 0) - 1, true), H);
    ck_assert_int_eq(cm_tz_local_offset(z, utc(2016, 10, 30, 2, 30), false), 2 * H);
    ck_assert_int_eq(cm_tz_local_offset(z, utc(2016, 10, 30, 2, 59) + 59, true), 2 * H);
    ck_assert_int_eq(cm_tz_local_offset(z, utc(2016, 10, 30, 3, 0), false), H);
    ck_assert_int_eq(cm_tz_local_offset(z, utc(2016, 10, 30, 1, 59), false), 2 * H);
    free(z);
    /* Sydney (southern): DST from the first Sunday of October to the first of April */
    z = rule_table("AEST-10AEDT,M10.1.0,M4.1.0/3");
    ck_assert_int_eq(cm_tz_offset_at(z, utc(2016, 1, 15, 0, 0)), 11 * H);
    ck_assert_int_eq(cm_tz_offset_at(z, utc(2016, 6, 15, 0, 0)), 10 * H);
    ck_assert_int_eq(cm_tz_offset_at(z, utc(2016, 12, 31, 23, 0)), 11 * H);
    ck_assert_int_eq(cm_tz_offset_at(z, utc(2016, 10, 1, 16, 0)), 11 * H); /* Oct 2 02:00 +10 */
    ck_assert_int_eq(cm_tz_offset_at(z, utc(2016, 10, 1, 16, 0) - 1), 10 * H);
    free(z);
    /* Lord Howe's half-hour DST */
    z = rule_table("<+1030>-10:30<+11>-11,M10.1.0,M4.1.0");
    ck_assert_int_eq(cm_tz_local_offset(z, utc(2016, 10, 2, 2, 15), false), 10 * H + 1800);
    ck_assert_int_eq(cm_tz_local_offset(z, utc(2016, 4, 3, 1, 45), false), 11 * H);
    ck_assert_int_eq(cm_tz_local_offset(z, utc(2016, 4, 3, 2, 0), false), 10 * H + 1800);
    free(z);
    /* DST all year (0/0 to J365/25): the end meets the next start */
    z = rule_table("EST5EDT,0/0,J365/25");
    for (int64_t y = 2030; y < 2034; y++) {
        ck_assert_int_eq(cm_tz_offset_at(z, utc(y, 1, 1, 4, 59)), -4 * H);
        ck_assert_int_eq(cm_tz_offset_at(z, utc(y, 1, 1, 5, 0)), -4 * H);
        ck_assert_int_eq(cm_tz_offset_at(z, utc(y, 7, 1, 0, 0)), -4 * H);
        ck_assert_int_eq(cm_tz_offset_at(z, utc(y, 12, 31, 23, 0)), -4 * H);
    }
    free(z);
    /* Jn never counts February 29; n does */
    z = rule_table("XST0XDT,J60/0,300/0");
    ck_assert_int_eq(cm_tz_offset_at(z, utc(2016, 3, 1, 0, 0) - 1), 0); /* J60 = March 1 */
    ck_assert_int_eq(cm_tz_offset_at(z, utc(2016, 3, 1, 0, 0)), H);
    ck_assert_int_eq(cm_tz_offset_at(z, utc(2016, 10, 27, 0, 0) - H - 1),
                     H); /* 300 = Oct 27 (leap) */
    ck_assert_int_eq(cm_tz_offset_at(z, utc(2016, 10, 27, 0, 0) - H), 0);
    free(z);
}
END_TEST

START_TEST(test_table_gaps_overlaps)
{
    /* +1 until t=10 h (then +2: a gap of local 11:00-12:00), +2 until 20 h (then +1: an
       overlap of local 21:00-22:00) */
    const int64_t at[] = {10 * H, 20 * H}, off[] = {H, 2 * H, H};
    int64_t *z = table(2, at, off);
    ck_assert_int_eq(cm_tz_offset_at(z, -1000000000), H);
    ck_assert_int_eq(cm_tz_offset_at(z, 10 * H - 1), H);
    ck_assert_int_eq(cm_tz_offset_at(z, 10 * H), 2 * H);
    ck_assert_int_eq(cm_tz_offset_at(z, 20 * H - 1), 2 * H);
    ck_assert_int_eq(cm_tz_offset_at(z, 20 * H), H);
    ck_assert_int_eq(cm_tz_offset_at(z, 1000000000), H);
    static const struct {
        int64_t local;
        bool frac;
        int32_t off;
    } cases[] = {
        {11 * H - 1, false, H},    {11 * H - 1, true, H},  {11 * H, false, H},
        {11 * H + 1800, false, H}, {12 * H - 1, true, H},  {12 * H, false, 2 * H},
        {21 * H - 1, true, 2 * H}, {21 * H, false, 2 * H}, {21 * H + 1800, true, 2 * H},
        {22 * H - 1, true, 2 * H}, {22 * H, false, H},     {22 * H, true, H},
        {-5 * 86400, false, H},    {50 * 86400, false, H},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        ck_assert_msg(cm_tz_local_offset(z, cases[i].local, cases[i].frac) == cases[i].off,
                      "case %zu", i);
    free(z);
    /* An overlap right after a gap, sharing a local time (ZoneRules' "handle overlap
       immediately following gap"): +1 -> +2 at 10 h, +2 -> +1 at 11 h */
    const int64_t at2[] = {10 * H, 11 * H}, off2[] = {H, 2 * H, H};
    z = table(2, at2, off2);
    ck_assert_int_eq(cm_tz_local_offset(z, 11 * H - 1, false), H);
    ck_assert_int_eq(cm_tz_local_offset(z, 11 * H, false), H); /* the gap 11:00-12:00 */
    ck_assert_int_eq(cm_tz_local_offset(z, 11 * H + 1800, false), H);
    ck_assert_int_eq(cm_tz_local_offset(z, 12 * H, false), 2 * H); /* the overlap 12:00-13:00 */
    ck_assert_int_eq(cm_tz_local_offset(z, 12 * H + 1800, false), 2 * H);
    ck_assert_int_eq(cm_tz_local_offset(z, 13 * H, false), H);
    free(z);
}
END_TEST

/* A TZif version 2 file: the (empty) version 1 part, then the 64-bit data and footer. */
static size_t tzif_build(unsigned char *b, const int64_t *at, const unsigned char *idx, int n,
                         const int32_t *types, int ntypes, const char *footer)
{
    size_t k = 0;
    for (int part = 0; part < 2; part++) {
        memcpy(b + k, "TZif2", 5);
        memset(b + k + 5, 0, 39);
        int64_t tc = part ? n : 0, ty = part ? ntypes : 1, ch = part ? 4 : 1;
        int64_t cnt[6] = {0, 0, 0, tc, ty, ch};
        for (int i = 0; i < 6; i++)
            for (int j = 0; j < 4; j++)
                b[k + 20 + 4 * i + j] = (unsigned char)(cnt[i] >> (24 - 8 * j));
        k += 44;
        int ts = part ? 8 : 4;
        for (int i = 0; i < tc; i++, k += ts)
            for (int j = 0; j < ts; j++)
                b[k + j] = (unsigned char)((uint64_t)at[i] >> (8 * (ts - 1 - j)));
        for (int i = 0; i < tc; i++)
            b[k++] = idx[i];
        for (int i = 0; i < ty; i++, k += 6) {
            int32_t o = part ? types[i] : 0;
            for (int j = 0; j < 4; j++)
                b[k + j] = (unsigned char)((uint32_t)o >> (24 - 8 * j));
            b[k + 4] = 0;
            b[k + 5] = 0;
        }
        memset(b + k, 0, (size_t)ch);
        k += (size_t)ch;
    }
    b[k++] = '\n';
    memcpy(b + k, footer, strlen(footer));
    k += strlen(footer);
    b[k++] = '\n';
    return k;
}

START_TEST(test_tzif)
{
    unsigned char buf[1024];
    /* Paris as a slim file would have it: LMT, one transition to CET in 1911 (the same
       offset twice, which java.time does not keep), then the footer's rule */
    const int64_t at[] = {-2486592000LL, -1855958901LL, 0};
    const unsigned char idx[] = {1, 2, 2};
    const int32_t types[] = {561, 561, 0};
    size_t len = tzif_build(buf, at, idx, 3, types, 3, "CET-1CEST,M3.5.0,M10.5.0/3");
    int64_t *z;
    size_t n;
    ck_assert(cm_tzif_parse(buf, len, &z, &n));
    ck_assert_int_eq(z[CM_TZ_N], 1); /* only the change 561 -> 0 */
    ck_assert_int_eq(n, CM_TZ_LEN(1));
    ck_assert_int_eq(cm_tz_offset_at(z, -3000000000LL), 561);
    ck_assert_int_eq(cm_tz_offset_at(z, -1855958902LL), 561);
    ck_assert_int_eq(cm_tz_offset_at(z, -1855958901LL), 0);
    ck_assert_int_eq(cm_tz_offset_at(z, utc(2016, 7, 1, 0, 0)), 2 * H); /* the footer */
    ck_assert_int_eq(cm_tz_local_offset(z, utc(2016, 3, 27, 2, 30), false), H);
    free(z);
    /* no transitions, a fixed footer (Etc/GMT+5's slim file) */
    const int32_t t5[] = {-5 * H};
    len = tzif_build(buf, NULL, NULL, 0, t5, 1, "<-05>5");
    ck_assert(cm_tzif_parse(buf, len, &z, &n));
    ck_assert_int_eq(cm_tz_offset_at(z, 0), -5 * H);
    ck_assert_int_eq(cm_tz_local_offset(z, 0, false), -5 * H);
    free(z);
    /* not TZif, version 1 only, truncated, a bad footer */
    ck_assert(!cm_tzif_parse((const unsigned char *)"TZjf", 4, &z, &n));
    len = tzif_build(buf, at, idx, 3, types, 3, "CET-1CEST,M3.5.0,M10.5.0/3");
    buf[4] = 0;
    ck_assert(!cm_tzif_parse(buf, len, &z, &n));
    buf[4] = '2';
    ck_assert(!cm_tzif_parse(buf, len - 30, &z, &n));
    len = tzif_build(buf, at, idx, 3, types, 3, "CET-1CEST,M3.5.0");
    ck_assert(!cm_tzif_parse(buf, len, &z, &n));
}
END_TEST

/* Damaged files (every byte set to a few values, every truncation) are refused or read
   within their bounds (the sanitizer build checks the reads), and never give a table whose
   evaluation misbehaves. */
START_TEST(test_tzif_damaged)
{
    unsigned char buf[1024], bad[1024];
    const int64_t at[] = {-2486592000LL, -1855958901LL, 1000000000LL};
    const unsigned char idx[] = {1, 2, 0};
    const int32_t types[] = {561, 561, 3600};
    size_t len = tzif_build(buf, at, idx, 3, types, 3, "CET-1CEST,M3.5.0,M10.5.0/3");
    static const unsigned char vals[] = {0, 1, 0x7f, 0x80, 0xff, '\n', ','};
    int64_t *z;
    size_t n;
    for (size_t i = 0; i < len; i++)
        for (size_t v = 0; v < sizeof vals; v++) {
            memcpy(bad, buf, len);
            bad[i] = vals[v];
            if (cm_tzif_parse(bad, len, &z, &n)) {
                ck_assert_int_eq(n, CM_TZ_LEN(z[CM_TZ_N]));
                for (int64_t t = -4000000000LL; t < 4000000000LL; t += 150000000)
                    (void)(cm_tz_offset_at(z, t) + cm_tz_local_offset(z, t, true));
                free(z);
            }
        }
    for (size_t k = 0; k < len; k++)
        ck_assert(!cm_tzif_parse(buf, k, &z, &n));
}
END_TEST

START_TEST(test_zone_resolve)
{
    /* Fixed offsets stay fixed (cm_zone_offset). */
    CmZone z;
    cm_zone_resolve("+02:00", 6, &z);
    ck_assert_int_eq(z.kind, CM_ZONE_FIXED);
    ck_assert_int_eq(z.off_s, 2 * H);
    cm_zone_resolve("EST", 3, &z);
    ck_assert_int_eq(z.kind, CM_ZONE_FIXED);
    cm_zone_resolve("+1:5", 4, &z); /* getZoneId: +01:05 */
    ck_assert_int_eq(z.kind, CM_ZONE_FIXED);
    ck_assert_int_eq(z.off_s, H + 300);
    /* Java's messages for what ZoneId.of refuses. */
    static const struct {
        const char *id, *msg;
    } bad[] = {
        {"+25:00", "Zone offset hours not in valid range: value 25 is not in the range -18 to 18"},
        {"-19", "Zone offset hours not in valid range: value -19 is not in the range -18 to 18"},
        {"+01:75",
         "Zone offset minutes not in valid range: value 75 is not in the range -59 to 59"},
        {"-0100:60", "Invalid ID for ZoneOffset, invalid format: -0100:60"},
        {"-01:00:60",
         "Zone offset seconds not in valid range: value -60 is not in the range -59 to 59"},
        {"+18:00:01", "Zone offset not in valid range: -18:00 to +18:00"},
        {"+01-00", "Invalid ID for ZoneOffset, colon not found when expected: +01-00"},
        {"+0a", "Invalid ID for ZoneOffset, non numeric characters found: +0a"},
        {"+a", "Invalid ID for ZoneOffset, non numeric characters found: +0a"},
        /* getZoneId's first rewrite shows in the message */
        {"+1:5x", "Invalid ID for ZoneOffset, non numeric characters found: +01:5x"},
        {"+1:75", "Zone offset minutes not in valid range: value 75 is not in the range -59 to 59"},
        {"", "Invalid ID for ZoneOffset, invalid format: "},
        {"x", "Invalid ID for ZoneOffset, invalid format: x"},
        {"GMT+25", "Invalid ID for offset-based ZoneId: GMT+25"},
        {"UT-19", "Invalid ID for offset-based ZoneId: UT-19"},
        {"9Europe", "Invalid ID for region-based ZoneId, invalid format: 9Europe"},
        {"Europe/Par is", "Invalid ID for region-based ZoneId, invalid format: Europe/Par is"},
        {"Mars/Olympus", "Unknown time-zone ID: Mars/Olympus"},
        {"Europe/../Europe/Paris", "Unknown time-zone ID: Europe/../Europe/Paris"},
        {"right/Europe/Paris", "Unknown time-zone ID: right/Europe/Paris"},
        {"pst", "Unknown time-zone ID: pst"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        cm_zone_resolve(bad[i].id, strlen(bad[i].id), &z);
        ck_assert_int_eq(z.kind, CM_ZONE_INVALID);
        ck_assert_str_eq(z.msg, bad[i].msg);
    }
}
END_TEST

/* Regions need the machine's tz database (tzdata; scripts/setup.sh installs it). */
START_TEST(test_zone_resolve_regions)
{
    CmZone z;
    cm_zone_resolve("PST", 3, &z); /* ZoneId.SHORT_IDS */
    ck_assert_int_eq(z.kind, CM_ZONE_RULES);
    ck_assert_str_eq(z.region, "America/Los_Angeles");
    ck_assert_int_eq(cm_tz_offset_at(z.table, utc(2016, 7, 1, 0, 0)), -7 * H);
    free(z.table);
    cm_zone_resolve("Europe/Paris", 12, &z);
    ck_assert_int_eq(z.kind, CM_ZONE_RULES);
    ck_assert_int_eq(cm_tz_offset_at(z.table, utc(2016, 3, 27, 1, 0) - 1), H);
    ck_assert_int_eq(cm_tz_offset_at(z.table, utc(2016, 3, 27, 1, 0)), 2 * H);
    ck_assert_int_eq(cm_tz_offset_at(z.table, utc(1850, 1, 1, 0, 0)), 561); /* LMT +0:09:21 */
    free(z.table);
    /* $TZDIR names the database; a missing one is flagged for the compiler's note */
    setenv("TZDIR", "/nonexistent-tz-database", 1);
    cm_zone_resolve("Europe/Paris", 12, &z);
    ck_assert_int_eq(z.kind, CM_ZONE_INVALID);
    ck_assert(z.no_db);
    ck_assert_str_eq(z.msg, "Unknown time-zone ID: Europe/Paris");
    unsetenv("TZDIR");
    cm_zone_resolve("Asia/Kolkata", 12, &z);
    ck_assert_int_eq(cm_tz_offset_at(z.table, utc(2016, 7, 1, 0, 0)), 5 * H + 1800);
    free(z.table);
}
END_TEST

/* Timestamp strings with a region zone (stringToTimestamp: ZonedDateTime.of). */
START_TEST(test_ts_parse_zoned)
{
    static const struct {
        const char *s;
        int rc;
        int64_t us;
    } cases[] = {
        {"2016-03-27 02:30:00 Europe/Paris", 0, 1459042200LL * 1000000}, /* gap: 01:30Z */
        {"2016-10-30 02:30:00.5 Europe/Paris", 0, 1477787400LL * 1000000 + 500000}, /* 00:30Z */
        {"2016-07-26T10:00:00America/New_York", 0, 1469541600LL * 1000000},
        {"2016-07-26 10:00:00 PST", 0, 1469552400LL * 1000000},
        {" 2016-07-26 10:00:00   Asia/Kolkata ", 0, 1469507400LL * 1000000},
        {"2016-07-26 10:00:00 +02:00", 0, 1469520000LL * 1000000},
        {"2016-07-26 10:00:00 Mars/Olympus", -1, 0},
        {"2016-07-26 10:00 Europe/Paris", -1, 0}, /* a zone after the minutes */
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        int64_t us = 0;
        int rc = cm_ts_parse_zoned(cases[i].s, strlen(cases[i].s), CM_TS_NO_DATE,
                                   cm_zone_local_offset, &us);
        ck_assert_msg(rc == cases[i].rc, "%s: rc %d", cases[i].s, rc);
        if (rc == 0)
            ck_assert_msg(us == cases[i].us, "%s: %lld", cases[i].s, (long long)us);
        /* without a resolver (the runtime) a region zone is no timestamp */
        if (strstr(cases[i].s, "/") || strstr(cases[i].s, "PST"))
            ck_assert_int_eq(cm_ts_parse(cases[i].s, strlen(cases[i].s), CM_TS_NO_DATE, &us), -1);
    }
    int64_t us;
    ck_assert_int_eq(
        cm_ts_parse_zoned("10:00:00 Europe/Paris", 21, CM_TS_NO_DATE, cm_zone_local_offset, &us),
        CM_TS_TIME_ONLY);
}
END_TEST

Suite *common_tz_suite(void)
{
    Suite *s = suite_create("common_tz");
    TCase *tc = tcase_create("tz");
    tcase_add_test(tc, test_posix_parse);
    tcase_add_test(tc, test_rule_offsets);
    tcase_add_test(tc, test_table_gaps_overlaps);
    tcase_add_test(tc, test_tzif);
    tcase_add_test(tc, test_tzif_damaged);
    tcase_add_test(tc, test_zone_resolve);
    tcase_add_test(tc, test_zone_resolve_regions);
    tcase_add_test(tc, test_ts_parse_zoned);
    suite_add_tcase(s, tc);
    return s;
}
