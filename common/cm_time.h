/* cm_time.h - the calendar and Spark's string -> timestamp/date rules, the one copy the
** compiler (literals, schema inference) and the runtime (casts, JSON/CSV columns) share.
**
** Timestamps are µs since 1970-01-01T00:00:00Z in the proleptic Gregorian calendar; dates
** are days since that day.  The session time zone is UTC: text without a zone is UTC.
** cm_time.c is also compiled into the runtime's inline bitcode (runtime/CMakeLists.txt),
** so casts and readers inline it.
*/
#ifndef CM_TIME_H
#define CM_TIME_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define CM_US_PER_MS 1000LL
#define CM_US_PER_SECOND 1000000LL
#define CM_US_PER_MINUTE (60 * CM_US_PER_SECOND)
#define CM_US_PER_HOUR (60 * CM_US_PER_MINUTE)
#define CM_US_PER_DAY (24 * CM_US_PER_HOUR)

/* The calendar: static inline, since the per-record helpers (hour(), window starts,
   formatting) are inlined into generated code. */

/* Floor division (b > 0). */
static inline int64_t cm_floordiv(int64_t a, int64_t b)
{
    int64_t q = a / b;
    return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
}

/* Days since 1970-01-01 of year y, month m (1..12), day d, and back (Howard Hinnant's
   days_from_civil and civil_from_days, era arithmetic). */
static inline int64_t cm_days_from_civil(int64_t y, int m, int d)
{
    y -= m <= 2;
    int64_t era = (y >= 0 ? y : y - 399) / 400;
    int64_t yoe = y - era * 400;
    int64_t doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static inline void cm_civil_from_days(int64_t days, int64_t *y, int *m, int *d)
{
    int64_t z = days + 719468;
    int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    int64_t doe = z - era * 146097;
    int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int64_t mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = yoe + era * 400 + (*m <= 2);
}

static inline bool cm_is_leap(int64_t y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

/* m in 1..12 */
/* The units of timestampadd and timestampdiff (Spark 3.3+'s TimestampAdd and TimestampDiff,
   the parser's datetimeUnit): what sema reads from the query and the runtime computes in,
   named by cm_ts_unit_name.  DAYOFYEAR is timestampadd's only. */
typedef enum CmTsUnit {
    CM_TSU_MICROSECOND,
    CM_TSU_MILLISECOND,
    CM_TSU_SECOND,
    CM_TSU_MINUTE,
    CM_TSU_HOUR,
    CM_TSU_DAY,
    CM_TSU_DAYOFYEAR,
    CM_TSU_WEEK,
    CM_TSU_MONTH,
    CM_TSU_QUARTER,
    CM_TSU_YEAR,
    CM_TSU_COUNT
} CmTsUnit;

/* The unit's name as the query writes it (upper case). */
static inline const char *cm_ts_unit_name(int u)
{
    static const char *const names[CM_TSU_COUNT] = {
        "MICROSECOND", "MILLISECOND", "SECOND", "MINUTE",  "HOUR", "DAY",
        "DAYOFYEAR",   "WEEK",        "MONTH",  "QUARTER", "YEAR"};
    return u >= 0 && u < CM_TSU_COUNT ? names[u] : "";
}

static inline int cm_days_in_month(int64_t y, int m)
{
    static const int dm[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && cm_is_leap(y) ? 29 : dm[m - 1];
}

/* A zone id as Spark's getZoneId reads it (Java's ZoneId.of with SHORT_IDS): Z, +h, +hh,
   +hh:mm, +hhmm, +hh:mm:ss, +hhmmss, the prefixes UTC/GMT/UT with such an offset, UTC,
   GMT, UT, EST, MST, HST and the fixed-offset tz database ids (Etc/UTC, Etc/GMT+5, ...).
   Region ids whose offset depends on the date (Europe/Paris, PST) are not known: false
   (cm_zone_resolve in cm_tz.h reads those from the tz database).
   s[0, n) is the zone text, already trimmed. *off_s: seconds east of UTC. */
bool cm_zone_offset(const char *s, size_t n, int32_t *off_s);

/* Spark's getZoneId rewrites the pre-3.0 offset forms before ZoneId.of: the first
   (+|-)h: becomes (+|-)0h:, and a final (+|-)hh:m becomes (+|-)hh:0m.  s[0, n) into out
   (*out_n bytes); false if cap < n + 2. */
bool cm_zone_spark_id(const char *s, size_t n, char *out, size_t cap, size_t *out_n);

/* Passed as now_us when there is no current date (the compiler): a time without a date
   then returns CM_TS_TIME_ONLY. */
#define CM_TS_NO_DATE INT64_MIN
#define CM_TS_TIME_ONLY 1

/* Spark's stringToTimestamp (SparkDateTimeUtils.parseTimestampString), session zone UTC:
     [+-]yyyy[y..]  [+-]yyyy-[m]m  [+-]yyyy-[m]m-[d]d  followed by ' ' or 'T' and
     [h]h[:[m]m[:[s]s[.fraction]]] [zone]   or a time alone: [T][h]h:[m]m[:[s]s[.f]][zone]
   Leading and trailing bytes <= ' ' are ignored; fraction digits beyond 6 are truncated;
   a zone follows the seconds (cm_zone_offset, spaces before it allowed; a region zone makes
   it no timestamp here, see cm_ts_parse_zoned).  A time alone
   takes today's date in its zone from now_us.  0 with *out_us set, -1 if s is not a
   timestamp (or out of range), CM_TS_TIME_ONLY for a time alone when now_us is
   CM_TS_NO_DATE. */
int cm_ts_parse(const char *s, size_t n, int64_t now_us, int64_t *out_us);

/* The offset a region zone (one cm_zone_offset does not know, e.g. "Europe/Paris") gives:
   with instant, at the UTC second s (ZoneRules.getOffset(Instant)); else to the local
   date-time s (seconds; frac: a fraction follows) as ZonedDateTime.of does.  False if there
   is no such zone.  The compiler has one (cm_zone_local_offset, reading the tz database),
   the runtime another (srt_time.c, over srt_zone.c's cache of the zones found in data). */
typedef bool (*CmZoneLocal)(const char *zone, size_t n, bool instant, int64_t s, bool frac,
                            int32_t *off_s);

/* cm_ts_parse, with region zones read through region (NULL: such text is no timestamp).
   A time alone with a region zone takes today's date in that zone (LocalDate.now(zoneId):
   the date of now_us at the zone's offset then). */
int cm_ts_parse_zoned(const char *s, size_t n, int64_t now_us, CmZoneLocal region, int64_t *out_us);

/* Spark's stringToTimestampWithoutTimeZone(s, allowTimeZone = false), as the default
   TIMESTAMP_NTZ parser reads: cm_ts_parse's shapes without a zone (not even Z) and with a
   date; the local date-time as microseconds into *out_us.  0, or -1. */
int cm_ts_parse_ntz(const char *s, size_t n, int64_t *out_us);

/* Spark's stringToTimestampWithoutTimeZone(s, allowTimeZone = true), as CAST(s AS
   TIMESTAMP_NTZ) and TIMESTAMP_NTZ '...' read: cm_ts_parse's shapes with a date; a zone after
   the time must be one getZoneId knows (a region through region; NULL knows none) and is
   dropped: the local date-time as written, as microseconds into *out_us.  0, or -1. */
int cm_ts_parse_ntz_cast(const char *s, size_t n, CmZoneLocal region, int64_t *out_us);

/* Spark's DateTimeUtils.stringToDate (CAST(s AS DATE), to_date(s)): trimmed text, a year of 4
   to 7 digits with an optional sign, then -[m]m and -[d]d; whatever follows a ' ' or 'T'
   after the date is ignored.  The epoch day into *out_days; 0, or -1 for no date. */
int cm_date_parse(const char *s, size_t n, int64_t *out_days);

/* Spark's special datetime values (DateTimeUtils.extractSpecialValue, 3.5). */
typedef enum {
    CM_SPECIAL_NONE,
    CM_SPECIAL_EPOCH,
    CM_SPECIAL_NOW,
    CM_SPECIAL_TODAY,
    CM_SPECIAL_YESTERDAY,
    CM_SPECIAL_TOMORROW,
} CmSpecial;

/* The special value the text s[0, n) names, as extractSpecialValue(input.trim) reads it: the
   text trimmed (String.trim) must match (\p{Alpha}+)\p{Blank}*(.*) (ASCII letters, then
   spaces or tabs, then the rest without a line terminator); the letters, in any case, one of
   epoch, now, today, yesterday, tomorrow; the rest empty, or (not after "now") a zone
   getZoneId knows (region zones through region; NULL knows none).  The zone is only
   checked: the value is the session zone's.  CM_SPECIAL_NONE if it names none. */
CmSpecial cm_special_datetime(const char *s, size_t n, CmZoneLocal region);

/* The value of the special value w (not CM_SPECIAL_NONE) when the clock reads now_us, in the
   session zone UTC: with date the epoch day (DateTimeUtils.convertSpecialDate: 'now' and
   'today' are the current date), else microseconds (convertSpecialTimestamp, and
   convertSpecialTimestampNTZ, which gives the same local date-time in UTC): 'now' now_us,
   'today' its midnight, 'yesterday' and 'tomorrow' a day before and after it. */
int64_t cm_special_value(CmSpecial w, bool date, int64_t now_us);

#endif
