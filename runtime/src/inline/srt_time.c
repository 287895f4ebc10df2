/* srt_time.c - timestamps (µs since the epoch, UTC): window starts, parsing Spark's
** lenient ISO-8601 forms, formatting as Spark prints, calendar fields and
** date_format with Java DateTimeFormatter pattern letters (inline helpers).
*/
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "common/cm_interval.h"
#include "common/cm_time.h"
#include "common/cm_tz.h"
#include "srt_abi.h"

#define T_US_PER_DAY 86400000000LL
#define T_US_PER_HOUR 3600000000LL
#define T_US_PER_MIN 60000000LL
#define T_US_PER_SEC 1000000LL

/* The broken-down UTC time of a timestamp. */
typedef struct TParts {
    int64_t year, days;
    int month, day, hour, minute, second;
    int64_t micros;
} TParts;

static void t_split(int64_t us, TParts *t)
{
    /* The remainder first: days * T_US_PER_DAY overflows for the earliest timestamps. */
    int64_t rem = us % T_US_PER_DAY;
    if (rem < 0)
        rem += T_US_PER_DAY;
    int64_t days = cm_floordiv(us, T_US_PER_DAY);
    t->days = days;
    cm_civil_from_days(days, &t->year, &t->month, &t->day);
    t->hour = (int)(rem / T_US_PER_HOUR);
    rem %= T_US_PER_HOUR;
    t->minute = (int)(rem / T_US_PER_MIN);
    rem %= T_US_PER_MIN;
    t->second = (int)(rem / T_US_PER_SEC);
    t->micros = rem % T_US_PER_SEC;
}

/* ts's offset into its window, in [0, slide): (ts - start) mod slide without forming
   ts - start, which overflows for extreme timestamps. */
static int64_t t_window_offset(int64_t ts_us, int64_t slide_us, int64_t start_us)
{
    int64_t r = (ts_us % slide_us - start_us % slide_us) % slide_us;
    return r < 0 ? r + slide_us : r;
}

int64_t srt_window_start(int64_t ts_us, int64_t slide_us, int64_t start_us)
{
    /* Wraps (defined) for a window starting before the first timestamp; callers that can
       meet such a timestamp check it with srt_window_bounds first. */
    return (int64_t)((uint64_t)ts_us - (uint64_t)t_window_offset(ts_us, slide_us, start_us));
}

int srt_window_bounds(int64_t ts_us, int64_t slide_us, int64_t start_us, int64_t size_us, int64_t n,
                      int64_t *last_us)
{
    int64_t r = t_window_offset(ts_us, slide_us, start_us);
    int64_t last, first, span, end;
    if (__builtin_sub_overflow(ts_us, r, &last) || __builtin_mul_overflow(n - 1, slide_us, &span) ||
        __builtin_sub_overflow(last, span, &first) || __builtin_add_overflow(last, size_us, &end))
        return -1;
    *last_us = last;
    return 0;
}

int64_t srt_ts_field(int64_t us, int field)
{
    TParts t;
    t_split(us, &t);
    switch (field) {
    case SRT_TS_YEAR: return t.year;
    case SRT_TS_MONTH: return t.month;
    case SRT_TS_DAY: return t.day;
    case SRT_TS_HOUR: return t.hour;
    case SRT_TS_MINUTE: return t.minute;
    case SRT_TS_SECOND: return t.second;
    default: return 0;
    }
}

int64_t srt_ts_hour(int64_t us)
{
    return srt_ts_field(us, SRT_TS_HOUR);
}

int64_t srt_ts_minute(int64_t us)
{
    return srt_ts_field(us, SRT_TS_MINUTE);
}

int64_t srt_ts_second(int64_t us)
{
    return srt_ts_field(us, SRT_TS_SECOND);
}

/* ======================================================================
** Parsing
** ====================================================================== */

/* CmZoneLocal over the zones found in data (srt_zone_find): asked only for a zone that is
   no fixed offset cm_zone_offset knows, i.e. a region or an unknown id (NULL, as Spark's
   stringToTimestamp catches getZoneId's exception and returns None). */
static bool t_zone_local(const char *zone, size_t n, bool instant, int64_t t, bool frac,
                         int32_t *off_s)
{
    const int64_t *rules;
    int kind = srt_zone_find(zone, (uint32_t)n, off_s, &rules, NULL, 0);
    if (kind == CM_ZONE_RULES)
        *off_s = cm_tz_rules_offset(rules, instant, t, frac);
    return kind != CM_ZONE_INVALID;
}

/* Spark's lenient string -> timestamp cast (cm_ts_parse_zoned, region zones through
   t_zone_local); a time without a date takes today's date from the wall clock, as Spark's
   LocalDate.now does.  Out of line on purpose: codegen inlines the fast paths and calls
   this one. */
__attribute__((noinline)) int srt_ts_parse(const char *s, uint32_t n, int64_t *out_us)
{
    int rc = cm_ts_parse_zoned(s, n, CM_TS_NO_DATE, t_zone_local, out_us);
    if (rc == CM_TS_TIME_ONLY) {
        struct timespec now;
        clock_gettime(CLOCK_REALTIME, &now);
        rc = cm_ts_parse_zoned(s, n, (int64_t)now.tv_sec * T_US_PER_SEC + now.tv_nsec / 1000,
                               t_zone_local, out_us);
    }
    return rc;
}

/* CAST(s AS TIMESTAMP_NTZ): Spark's stringToTimestampWithoutTimeZone(s, allowTimeZone =
   true), a zone read (regions through t_zone_local) and dropped. */
int srt_cast_str_ts_ntz(const char *s, uint32_t n, int64_t *out_us)
{
    return cm_ts_parse_ntz_cast(s, n, t_zone_local, out_us);
}

int srt_text_ts_ntz(const char *s, uint32_t n, int64_t *out_us)
{
    return cm_ts_parse_ntz(s, n, out_us);
}

int srt_special_datetime(const char *s, uint32_t n, int32_t date, int64_t now_us, int64_t *out)
{
    CmSpecial w = cm_special_datetime(s, n, t_zone_local);
    if (w == CM_SPECIAL_NONE)
        return 0;
    *out = cm_special_value(w, date, now_us);
    return 1;
}

/* CAST(s AS DATE), to_date(s): Spark's stringToDate (common/cm_time.c). */
int srt_cast_str_date(const char *s, uint32_t n, int64_t *out_days)
{
    return cm_date_parse(s, n, out_days);
}

int32_t srt_trunc_level(const char *s, uint32_t n)
{
    /* DateTimeUtils.parseTruncLevel on format.toString.toUpperCase(Locale.ROOT): ASCII
       letters, and the two non-ASCII letters whose upper case is ASCII: ı (U+0131) -> I,
       ſ (U+017F) -> S. */
    static const struct { const char *name; int32_t level; } units[] = {
        {"MICROSECOND", SRT_TRUNC_MICROSECOND}, {"MILLISECOND", SRT_TRUNC_MILLISECOND},
        {"SECOND", SRT_TRUNC_SECOND}, {"MINUTE", SRT_TRUNC_MINUTE}, {"HOUR", SRT_TRUNC_HOUR},
        {"DAY", SRT_TRUNC_DAY}, {"DD", SRT_TRUNC_DAY}, {"WEEK", SRT_TRUNC_WEEK},
        {"MON", SRT_TRUNC_MONTH}, {"MONTH", SRT_TRUNC_MONTH}, {"MM", SRT_TRUNC_MONTH},
        {"QUARTER", SRT_TRUNC_QUARTER}, {"YEAR", SRT_TRUNC_YEAR}, {"YYYY", SRT_TRUNC_YEAR},
        {"YY", SRT_TRUNC_YEAR},
    };
    char up[12];
    uint32_t k = 0;
    for (uint32_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (k == sizeof up)
            return -1;
        if (c >= 'a' && c <= 'z')
            up[k++] = (char)(c - 32);
        else if (c < 0x80)
            up[k++] = (char)c;
        else if (c == 0xC4 && i + 1 < n && (unsigned char)s[i + 1] == 0xB1)
            up[k++] = 'I', i++;
        else if (c == 0xC5 && i + 1 < n && (unsigned char)s[i + 1] == 0xBF)
            up[k++] = 'S', i++;
        else
            return -1;
    }
    for (size_t u = 0; u < sizeof units / sizeof units[0]; u++)
        if (strlen(units[u].name) == k && memcmp(units[u].name, up, k) == 0)
            return units[u].level;
    return -1;
}

int64_t srt_ts_trunc(int64_t us, int32_t level)
{
    /* DateTimeUtils.truncTimestamp in UTC: a day or more is truncDate of the day. */
    TParts t;
    t_split(us, &t);
    switch (level) {
    case SRT_TRUNC_MICROSECOND: return us;
    case SRT_TRUNC_MILLISECOND: return cm_floordiv(us, 1000) * 1000;
    case SRT_TRUNC_SECOND: return us - t.micros;
    case SRT_TRUNC_MINUTE: return us - t.micros - t.second * T_US_PER_SEC;
    case SRT_TRUNC_HOUR: return us - t.micros - t.second * T_US_PER_SEC - t.minute * T_US_PER_MIN;
    default: return srt_date_trunc(t.days, level) * T_US_PER_DAY;
    }
}

/* ======================================================================
** Dates (days since 1970-01-01), as DateTimeUtils on java.time.LocalDate
** ====================================================================== */

int64_t srt_date_trunc(int64_t days, int32_t level)
{
    /* DateTimeUtils.truncDate: WEEK is getNextDateForDayOfWeek(days - 7, MONDAY), QUARTER
       LocalDate.with(IsoFields.DAY_OF_QUARTER, 1). */
    int64_t y;
    int m, d;
    cm_civil_from_days(days, &y, &m, &d);
    switch (level) {
    case SRT_TRUNC_WEEK: return days - srt_date_weekday(days);
    case SRT_TRUNC_MONTH: return days - (d - 1);
    case SRT_TRUNC_QUARTER: return cm_days_from_civil(y, (m - 1) / 3 * 3 + 1, 1);
    case SRT_TRUNC_YEAR: return cm_days_from_civil(y, 1, 1);
    default: return days;
    }
}

int64_t srt_date_dayofweek(int64_t days)
{
    /* getDayOfWeek: LocalDate.getDayOfWeek.plus(1).getValue, 1 = Sunday; 1970-01-01 was a
       Thursday (5). */
    return (days % 7 + 7 + 4) % 7 + 1;
}

int64_t srt_date_weekday(int64_t days)
{
    /* getWeekDay: LocalDate.getDayOfWeek.ordinal, 0 = Monday (Thursday is 3). */
    return (days % 7 + 7 + 3) % 7;
}

/* A calendar field of a day: 'y' the year, 'm' the month, 'd' the day of the month. */
static int64_t t_date_part(int64_t days, char which)
{
    int64_t y;
    int m, d;
    cm_civil_from_days(days, &y, &m, &d);
    return which == 'y' ? y : which == 'm' ? m : d;
}

int64_t srt_date_year(int64_t days)
{
    return t_date_part(days, 'y');
}

int64_t srt_date_month(int64_t days)
{
    return t_date_part(days, 'm');
}

int64_t srt_date_day(int64_t days)
{
    return t_date_part(days, 'd');
}

int64_t srt_date_dayofyear(int64_t days)
{
    return days - cm_days_from_civil(srt_date_year(days), 1, 1) + 1;
}

int64_t srt_date_quarter(int64_t days)
{
    return (srt_date_month(days) - 1) / 3 + 1;
}

int64_t srt_date_yearofweek(int64_t days)
{
    /* IsoFields.WEEK_BASED_YEAR: the year of the Thursday of the day's week */
    return srt_date_year(days - srt_date_weekday(days) + 3);
}

int64_t srt_date_weekofyear(int64_t days)
{
    /* IsoFields.WEEK_OF_WEEK_BASED_YEAR: weeks start on Monday and week 1 holds the year's
       first Thursday, so a day's week is that of the Thursday of its week. */
    int64_t thursday = days - srt_date_weekday(days) + 3;
    return (thursday - cm_days_from_civil(srt_date_year(thursday), 1, 1)) / 7 + 1;
}

int64_t srt_date_last_day(int64_t days)
{
    /* getLastDayOfMonth: days - getDayOfMonth + lengthOfMonth */
    int64_t y;
    int m, d;
    cm_civil_from_days(days, &y, &m, &d);
    return days - d + cm_days_in_month(y, m);
}

/* A day number that Java's Math.toIntExact accepts (localDateToDays). */
static int t_int_days(int64_t days, int64_t *out)
{
    *out = days;
    return days < INT32_MIN || days > INT32_MAX ? SRT_DATE_OVERFLOW : 0;
}

/* LocalDate.plusMonths on a day number: the day of the month kept unless the new month is
   shorter (2016-01-31 + 1 month is 2016-02-29); *year is the new year, which Java checks. */
static int64_t t_plus_months(int64_t days, int64_t months, int64_t *year)
{
    int64_t y;
    int m, d;
    cm_civil_from_days(days, &y, &m, &d);
    int64_t mc = y * 12 + (m - 1) + months;
    int64_t ny = cm_floordiv(mc, 12);
    int nm = (int)(mc - ny * 12) + 1;
    int nd = d < cm_days_in_month(ny, nm) ? d : cm_days_in_month(ny, nm);
    *year = ny;
    return cm_days_from_civil(ny, nm, nd);
}

int srt_date_add_months(int64_t days, int32_t months, int64_t *out)
{
    /* dateAddMonths: LocalDate.plusMonths; years stay within Java's range for any INT of
       months. */
    int64_t y;
    return t_int_days(t_plus_months(days, months, &y), out);
}

int srt_make_date(int32_t year, int32_t month, int32_t day, int64_t *out)
{
    /* MakeDate: LocalDate.of throws DateTimeException (NULL) for a year outside
       +-999999999, a month outside 1..12 or a day not in the month; localDateToDays then
       throws ArithmeticException (not caught: the query fails) beyond an INT of days. */
    *out = 0;
    if (year < -999999999 || year > 999999999 || month < 1 || month > 12 || day < 1 ||
        day > cm_days_in_month(year, month))
        return SRT_DATE_INVALID;
    return t_int_days(cm_days_from_civil(year, month, day), out);
}

/* Java's Math.round(double): the closest long, ties towards positive infinity; NaN is 0
   and the long range saturates. */
static double t_java_round(double x)
{
    if (x != x)
        return 0;
    if (x >= 9223372036854775807.0)
        return 9223372036854775807.0;
    if (x <= -9223372036854775808.0)
        return -9223372036854775808.0;
    double f = __builtin_floor(x);
    return x - f >= 0.5 ? f + 1 : f;
}

double srt_months_between(int64_t us1, int64_t us2, int32_t round_off)
{
    /* DateTimeUtils.monthsBetween (UTC): whole months when the days of the month are equal
       or both are the last day of their month, else the difference in seconds over a
       31-day month, rounded to 8 digits when round_off. */
    TParts a, b;
    t_split(us1, &a);
    t_split(us2, &b);
    double month_diff = (double)((a.year * 12 + a.month) - (b.year * 12 + b.month));
    int a_last = a.day == cm_days_in_month(a.year, a.month);
    int b_last = b.day == cm_days_in_month(b.year, b.month);
    if (a.day == b.day || (a_last && b_last))
        return month_diff;
    /* MICROSECONDS.toSeconds(micros - daysToMicros(date)): the whole seconds of the day */
    int64_t secs1 = a.hour * 3600 + a.minute * 60 + a.second;
    int64_t secs2 = b.hour * 3600 + b.minute * 60 + b.second;
    int64_t secs_diff = (int64_t)(a.day - b.day) * 86400 + secs1 - secs2;
    double diff = month_diff + (double)secs_diff / (double)(31 * 86400);
    return round_off ? t_java_round(diff * 1e8) / 1e8 : diff;
}

/* ======================================================================
** Formatting
** ====================================================================== */

/* v in at least width digits (zero padded); returns the length. */
static uint32_t t_num(char *o, int64_t v, int width)
{
    char tmp[24];
    int k = 0, neg = v < 0;
    uint64_t u = neg ? 0 - (uint64_t)v : (uint64_t)v;
    do {
        tmp[k++] = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    while (k < width)
        tmp[k++] = '0';
    uint32_t n = 0;
    if (neg)
        o[n++] = '-';
    while (k)
        o[n++] = tmp[--k];
    return n;
}

/* "yyyy-MM-dd" as Spark prints a date: a '+' before years beyond 9999. */
static uint32_t t_ymd(char *out, int64_t year, int month, int day)
{
    uint32_t n = 0;
    if (year > 9999)
        out[n++] = '+';
    n += t_num(out + n, year, 4);
    out[n++] = '-';
    n += t_num(out + n, month, 2);
    out[n++] = '-';
    n += t_num(out + n, day, 2);
    return n;
}

uint32_t srt_date_text(int64_t days, char *out)
{
    int64_t y;
    int m, d;
    cm_civil_from_days(days, &y, &m, &d);
    uint32_t n = t_ymd(out, y, m, d);
    out[n] = '\0';
    return n;
}

uint32_t srt_ts_format(int64_t us, char *out)
{
    TParts t;
    t_split(us, &t);
    uint32_t n = t_ymd(out, t.year, t.month, t.day);
    out[n++] = ' ';
    n += t_num(out + n, t.hour, 2);
    out[n++] = ':';
    n += t_num(out + n, t.minute, 2);
    out[n++] = ':';
    n += t_num(out + n, t.second, 2);
    if (t.micros) {
        int64_t f = t.micros;
        int digits = 6;
        while (f % 10 == 0) {
            f /= 10;
            digits--;
        }
        out[n++] = '.';
        n += t_num(out + n, f, digits);
    }
    out[n] = '\0';
    return n;
}

static const char *const t_months[12] = {"January", "February", "March",     "April",
                                         "May",     "June",     "July",      "August",
                                         "September", "October", "November", "December"};
static const char *const t_weekdays[7] = {"Monday", "Tuesday",  "Wednesday", "Thursday",
                                          "Friday", "Saturday", "Sunday"};

static uint32_t t_text(char *o, const char *s, int count)
{
    size_t n = strlen(s);
    if (count <= 3)
        n = 3;
    else if (count == 5)
        n = 1;
    memcpy(o, s, n);
    return (uint32_t)n;
}

/* One run of `count` pattern letters c; era: the pattern has a G, so y is the year of the
   era (DateTimeFormatterHelper.convertIncompatiblePattern turns y into u only without one). */
static uint32_t t_field(char *o, char c, int count, const TParts *t, int era)
{
    switch (c) {
    case 'y':
    case 'u': {
        int64_t year = c == 'y' && era && t->year <= 0 ? 1 - t->year : t->year;
        if (count == 2) /* ReducedPrinterParser.getValue: |year| % 100 */
            return t_num(o, (year < 0 ? -year : year) % 100, 2);
        /* Spark formats y as u (DateTimeFormatterHelper.convertIncompatiblePattern): four or
           more letters are appendValue(YEAR, count, 19, EXCEEDS_PAD), which puts '+' before a
           year of more digits than letters. */
        if (count >= 4 && year > 0) {
            int64_t limit = 1;
            for (int i = 0; i < count && limit <= INT64_MAX / 10; i++)
                limit *= 10;
            if (year >= limit) {
                o[0] = '+';
                return 1 + t_num(o + 1, year, count);
            }
        }
        return t_num(o, year, count);
    }
    case 'M':
    case 'L':
        if (count >= 3)
            return t_text(o, t_months[t->month - 1], count);
        return t_num(o, t->month, count);
    case 'd': return t_num(o, t->day, count);
    case 'D': {
        int64_t jan1 = cm_days_from_civil(t->year, 1, 1);
        return t_num(o, t->days - jan1 + 1, count);
    }
    case 'H': return t_num(o, t->hour, count);
    case 'k': return t_num(o, t->hour == 0 ? 24 : t->hour, count);
    case 'K': return t_num(o, t->hour % 12, count);
    case 'h': return t_num(o, t->hour % 12 == 0 ? 12 : t->hour % 12, count);
    case 'm': return t_num(o, t->minute, count);
    case 's': return t_num(o, t->second, count);
    case 'S': {
        char nanos[10];
        t_num(nanos, t->micros * 1000, 9);
        uint32_t n = 0;
        for (int i = 0; i < count; i++)
            o[n++] = i < 9 ? nanos[i] : '0';
        return n;
    }
    case 'a':
        memcpy(o, t->hour < 12 ? "AM" : "PM", 2);
        return 2;
    case 'E': {
        int64_t dow = ((t->days + 3) % 7 + 7) % 7; /* 1970-01-01 was a Thursday */
        return t_text(o, t_weekdays[dow], count);
    }
    case 'Q':
    case 'q': {
        int qtr = (t->month - 1) / 3 + 1;
        if (count == 3) {
            o[0] = 'Q';
            o[1] = (char)('0' + qtr);
            return 2;
        }
        if (count >= 4) {
            static const char *const names[4] = {"1st quarter", "2nd quarter", "3rd quarter",
                                                 "4th quarter"};
            memcpy(o, names[qtr - 1], 11);
            return 11;
        }
        return t_num(o, qtr, count);
    }
    case 'G': /* TextStyle SHORT, FULL for GGGG (Java 9+'s CLDR names); GGGGG is refused */
        if (count == 4)
            return t_text(o, t->year > 0 ? "Anno Domini" : "Before Christ", count);
        memcpy(o, t->year > 0 ? "AD" : "BC", 2);
        return 2;
    case 'z': /* the session zone, UTC: its short name, or its full one for zzzz */
    case 'v': /* its generic names, which for UTC (no daylight time) are the same: Java's
                 CLDRTimeZoneNameProviderImpl falls back to the standard names */
        if (count == 4) {
            memcpy(o, "Coordinated Universal Time", 26);
            return 26;
        }
        memcpy(o, "UTC", 3);
        return 3;
    case 'V': /* VV: the zone's id */
        memcpy(o, "UTC", 3);
        return 3;
    case 'O':
        memcpy(o, "GMT", 3);
        return 3;
    case 'Z':
        if (count == 4) {
            memcpy(o, "GMT", 3);
            return 3;
        }
        if (count == 5) {
            o[0] = 'Z';
            return 1;
        }
        memcpy(o, "+0000", 5);
        return 5;
    case 'X':
        o[0] = 'Z';
        return 1;
    case 'x':
        if (count == 1) {
            memcpy(o, "+00", 3);
            return 3;
        }
        if (count == 2 || count == 4) {
            memcpy(o, "+0000", 5);
            return 5;
        }
        memcpy(o, "+00:00", 6);
        return 6;
    default: {
        uint32_t n = 0;
        for (int i = 0; i < count; i++)
            o[n++] = c;
        return n;
    }
    }
}

/* The end of the optional section fmt[i..] opens (after its ']', or fmt_n), and whether a zone
   letter (V z O X x Z v) is in it outside quotes. */
static uint32_t t_section_end(const char *fmt, uint32_t fmt_n, uint32_t i, int *zone)
{
    int depth = 0, quoted = 0;
    *zone = 0;
    for (; i < fmt_n; i++) {
        char c = fmt[i];
        if (c == '\'')
            quoted = !quoted;
        else if (!quoted && c == '[')
            depth++;
        else if (!quoted && c == ']' && --depth == 0)
            return i + 1;
        else if (!quoted && strchr("VzOXxZv", c))
            *zone = 1;
    }
    return fmt_n;
}

uint32_t srt_date_format_into(int64_t us, const char *fmt, uint32_t fmt_n, int local, char *o)
{
    TParts t;
    t_split(us, &t);
    int era = 0, quoted = 0;
    for (uint32_t k = 0; k < fmt_n; k++) {
        quoted ^= fmt[k] == '\'';
        era |= !quoted && fmt[k] == 'G';
    }
    uint32_t n = 0, i = 0;
    while (i < fmt_n) {
        char c = fmt[i];
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
            int count = 1;
            while (i + (uint32_t)count < fmt_n && fmt[i + (uint32_t)count] == c && count < 20)
                count++;
            n += t_field(o + n, c, count, &t, era);
            i += (uint32_t)count;
        } else if (c == '[' || c == ']') {
            /* DateTimeFormatterBuilder.optionalStart/End: printed when every field in it is
               there, which all are but a zone's in a LocalDateTime (local) */
            int zone = 0;
            uint32_t end = c == '[' && local ? t_section_end(fmt, fmt_n, i, &zone) : 0;
            i = c == '[' && local && zone ? end : i + 1;
        } else if (c == '\'') {
            i++;
            if (i < fmt_n && fmt[i] == '\'') { /* '' is a quote */
                o[n++] = '\'';
                i++;
                continue;
            }
            while (i < fmt_n) {
                if (fmt[i] == '\'') {
                    if (i + 1 < fmt_n && fmt[i + 1] == '\'') {
                        o[n++] = '\'';
                        i += 2;
                        continue;
                    }
                    i++;
                    break;
                }
                o[n++] = fmt[i++];
            }
        } else {
            o[n++] = c;
            i++;
        }
    }
    return n;
}

void srt_date_format(SrtQuery *q, int64_t us, const char *fmt, uint32_t fmt_n, const char **out,
                     uint32_t *out_n)
{
    char *o = srt_scratch_alloc(q, SRT_DATE_FORMAT_ROOM(fmt_n));
    *out = o;
    *out_n = srt_date_format_into(us, fmt, fmt_n, 0, o);
}

int srt_date_next_day(int64_t days, const char *s, uint32_t n, int64_t *out)
{
    /* NextDay: DateTimeUtils.getDayOfWeekFromString (SU/SUN/SUNDAY ... in any case; Thursday
       0, as day 0 is a Thursday) and getNextDateForDayOfWeek: the first such day after
       days.  An unknown name is NULL without ANSI mode. */
    static const char *const names[7][3] = {
        {"TH", "THU", "THURSDAY"}, {"FR", "FRI", "FRIDAY"}, {"SA", "SAT", "SATURDAY"},
        {"SU", "SUN", "SUNDAY"},   {"MO", "MON", "MONDAY"}, {"TU", "TUE", "TUESDAY"},
        {"WE", "WED", "WEDNESDAY"},
    };
    *out = 0;
    for (int dow = 0; dow < 7; dow++)
        for (int k = 0; k < 3; k++)
            if (strlen(names[dow][k]) == n && strncasecmp(names[dow][k], s, n) == 0)
                return t_int_days(days + 1 + (((dow - 1 - days) % 7) + 7) % 7, out);
    return SRT_DATE_INVALID;
}

int srt_make_timestamp(int32_t year, int32_t month, int32_t day, int32_t hour, int32_t min,
                       int64_t sec_us, int32_t off_s, const int64_t *zone, int64_t *out)
{
    /* MakeTimestamp.toMicros (non-ANSI): the seconds DECIMAL(16,6) split into whole seconds
       and a fraction; 60 with no fraction is the next minute (PostgreSQL's rule); anything
       LocalDateTime.of refuses is NULL (DateTimeException); ldt.atZone(zoneId).toInstant
       (a region's gap moves the time later, an overlap takes the earlier offset); the
       instant must fit a BIGINT of microseconds (instantToMicros' Math.multiplyExact and
       addExact throw ArithmeticException, which fails the query). */
    *out = 0;
    int64_t sec = sec_us / 1000000, frac = sec_us % 1000000;
    bool leap = sec == 60 && frac == 0;
    if (year < -999999999 || year > 999999999 || month < 1 || month > 12 || day < 1 ||
        day > cm_days_in_month(year, month) || hour < 0 || hour > 23 || min < 0 || min > 59 ||
        frac < 0 || sec < 0 || (sec > 59 && !leap))
        return SRT_DATE_INVALID;
    int64_t s = cm_days_from_civil(year, month, day) * 86400 + hour * 3600 + min * 60 +
                (leap ? 60 : sec);
    s -= zone ? cm_tz_local_offset(zone, s, frac != 0) : off_s;
    int64_t us;
    if (__builtin_mul_overflow(s, (int64_t)1000000, &us) || __builtin_add_overflow(us, frac, out))
        return SRT_DATE_OVERFLOW;
    return 0;
}

int srt_make_timestamp_id(int32_t year, int32_t month, int32_t day, int32_t hour, int32_t min,
                          int64_t sec_us, const char *tz, uint32_t n, int64_t *out)
{
    /* MakeTimestamp.doGenCode: getZoneId(tz.toString) first, inside the try whose catch of
       DateTimeException gives NULL. */
    int32_t off;
    const int64_t *rules;
    int kind = srt_zone_find(tz, n, &off, &rules, NULL, 0);
    if (kind == CM_ZONE_INVALID) {
        *out = 0;
        return SRT_DATE_INVALID;
    }
    return srt_make_timestamp(year, month, day, hour, min, sec_us, off,
                              kind == CM_ZONE_RULES ? rules : NULL, out);
}

/* DateTimeUtils.convertTz(micros, fromZone, toZone) (Spark 3.5 SparkDateTimeUtils.scala):
   getLocalDateTime(micros, toZone).atZone(fromZone).toInstant, then instantToMicros, whose
   Math.multiplyExact/addExact throw "long overflow".  fromUTCTime: from UTC to the zone, the
   instant's local time in the zone read as UTC; toUTCTime: the local time read in the zone
   (ZonedDateTime.of: a gap moves it later, an overlap takes the earlier offset). */
int srt_tz_from_utc(int64_t us, const int64_t *zone, int64_t *out)
{
    int64_t off = cm_tz_offset_at(zone, cm_floordiv(us, CM_US_PER_SECOND));
    return __builtin_add_overflow(us, off * CM_US_PER_SECOND, out) ? SRT_DATE_OVERFLOW : 0;
}

int srt_tz_to_utc(int64_t us, const int64_t *zone, int64_t *out)
{
    int64_t s = cm_floordiv(us, CM_US_PER_SECOND);
    int64_t off = cm_tz_local_offset(zone, s, us % CM_US_PER_SECOND != 0);
    return __builtin_sub_overflow(us, off * CM_US_PER_SECOND, out) ? SRT_DATE_OVERFLOW : 0;
}

int srt_tz_shift_id(SrtQuery *q, int64_t us, const char *tz, uint32_t n, int32_t to_utc,
                    int64_t *out)
{
    /* fromUTCTime/toUTCTime: convertTz(micros, UTC, getZoneId(tz)) and back, the zone read
       per row; getZoneId's DateTimeException (ZoneRulesException) fails the task. */
    int32_t off;
    const int64_t *rules;
    char msg[320];
    *out = 0;
    switch (srt_zone_find(tz, n, &off, &rules, msg, sizeof msg)) {
    case CM_ZONE_RULES:
        return to_utc ? srt_tz_to_utc(us, rules, out) : srt_tz_from_utc(us, rules, out);
    case CM_ZONE_FIXED:
        return __builtin_add_overflow(us, (int64_t)(to_utc ? -off : off) * CM_US_PER_SECOND, out)
                   ? SRT_DATE_OVERFLOW
                   : 0;
    default: {
        char full[360];
        snprintf(full, sizeof full, "%s: %s", to_utc ? "to_utc_timestamp" : "from_utc_timestamp",
                 msg);
        srt_query_fail(q, full);
        return SRT_DATE_INVALID;
    }
    }
}

/* ==== timestampadd, timestampdiff (DateTimeUtils.timestampAdd, timestampDiff in UTC) ==== */

#define TS_US_PER_DAY 86400000000LL

/* instantToMicros of a day and a time of day: Math.multiplyExact/addExact, "long overflow". */
static int ts_from_day(SrtQuery *q, __int128 day, __int128 tod_us, int64_t *out)
{
    __int128 us = day * TS_US_PER_DAY + tod_us;
    if (us > INT64_MAX || us < INT64_MIN) {
        srt_query_fail(q, "long overflow");
        return -1;
    }
    *out = (int64_t)us;
    return 0;
}

int srt_ts_add_unit(SrtQuery *q, int64_t us, int32_t unit, int32_t n, int64_t *out)
{
    static const int64_t unit_us[] = {
        [CM_TSU_MICROSECOND] = 1,           [CM_TSU_MILLISECOND] = 1000,
        [CM_TSU_SECOND] = 1000000,          [CM_TSU_MINUTE] = 60000000,
        [CM_TSU_HOUR] = 3600000000LL,       [CM_TSU_DAY] = TS_US_PER_DAY,
        [CM_TSU_DAYOFYEAR] = TS_US_PER_DAY, [CM_TSU_WEEK] = 7 * TS_US_PER_DAY};
    int64_t day = cm_floordiv(us, TS_US_PER_DAY), tod = us - day * TS_US_PER_DAY;
    if (unit <= CM_TSU_WEEK) {
        /* timestampAddDayTime(micros, quantity * unit): the product in Scala's wrapping Long
           arithmetic, then plusDays(dt / day) and plus(the rest, MICROS) */
        int64_t dt = (int64_t)((uint64_t)(int64_t)n * (uint64_t)unit_us[unit]);
        int64_t days = dt / TS_US_PER_DAY, rest = dt - days * TS_US_PER_DAY;
        __int128 nd = (__int128)day + days;
        if (nd < -365243219162LL || nd > 365241780471LL) { /* LocalDate.ofEpochDay */
            char msg[160];
            snprintf(msg, sizeof msg,
                     "Invalid value for EpochDay (valid values -365243219162 - 365241780471): %lld",
                     (long long)nd);
            srt_query_fail(q, msg);
            return -1;
        }
        return ts_from_day(q, nd, (__int128)tod + rest, out);
    }
    /* timestampAddMonths: quantity * 3 and * 12 in Scala's wrapping Int arithmetic, then
       plusMonths (the day clamped to the month's length, the year checked) */
    int32_t months = unit == CM_TSU_MONTH     ? n
                     : unit == CM_TSU_QUARTER ? (int32_t)((uint32_t)n * 3u)
                                              : (int32_t)((uint32_t)n * 12u);
    int64_t ny, nday = t_plus_months(day, months, &ny);
    if (ny < -999999999 || ny > 999999999) {
        char msg[128];
        snprintf(msg, sizeof msg,
                 "Invalid value for Year (valid values -999999999 - 999999999): %lld",
                 (long long)ny);
        srt_query_fail(q, msg);
        return -1;
    }
    return ts_from_day(q, nday, tod, out);
}

int32_t srt_session_gap(const char *s, uint32_t n, int32_t *months, int32_t *days, int64_t *us)
{
    CmInterval iv;
    if (cm_interval_parse_n(s, n, &iv, NULL, NULL) != CM_IV_OK)
        return 0;
    *months = iv.months;
    *days = iv.days;
    *us = iv.us;
    return 1;
}

int32_t srt_ts_add_interval(int64_t ts, int32_t months, int32_t days, int64_t us, int64_t *out)
{
    /* microsToInstant(ts).atZone(UTC).plusMonths(months).plusDays(days).plus(us, MICROS):
       in UTC a day is 86400 s, so only plusMonths needs the calendar (years stay within
       java.time's for any Int of months from a µs time) */
    int64_t day = cm_floordiv(ts, TS_US_PER_DAY), tod = ts - day * TS_US_PER_DAY, y;
    if (months)
        day = t_plus_months(day, months, &y);
    __int128 r = ((__int128)day + days) * TS_US_PER_DAY + tod + us;
    if (r > INT64_MAX || r < INT64_MIN)
        return -1;
    *out = (int64_t)r;
    return 0;
}

int srt_array_sequence_months(SrtQuery *q, int64_t start, int64_t stop, int64_t step,
                              int32_t is_date, const void **out, uint32_t *out_n)
{
    int32_t months = (int32_t)step;
    char msg[200];
    *out = NULL;
    *out_n = 0;
    if (months == 0) {
        if (is_date) { /* scale MICROS_PER_DAY, no months nor days */
            srt_query_fail(q, "sequence step must be an interval year to month of day granularity "
                              "if start and end values are dates");
            return -1;
        }
        /* stepMonths == stepDays == 0: IntegralSequenceImpl by stepMicros, 0 */
        return srt_array_sequence(q, start, stop, 0, 1, 0, out, out_n);
    }
    /* daysToMicros in the session zone, UTC; the length estimated with 28-day months */
    int64_t s = is_date ? start * TS_US_PER_DAY : start, e = is_date ? stop * TS_US_PER_DAY : stop;
    int64_t est = (int64_t)months * 28 * TS_US_PER_DAY;
    if (!((est > 0 && s <= e) || (est < 0 && s >= e))) {
        snprintf(msg, sizeof msg, "Illegal sequence boundaries: %lld to %lld by %d", (long long)s,
                 (long long)e, months);
        srt_query_fail(q, msg);
        return -1;
    }
    int64_t len = s == e ? 1 : 1 + (int64_t)((uint64_t)e - (uint64_t)s) / est;
    if (len > 2147483632) {
        snprintf(msg, sizeof msg, "Too long sequence: %lld. Should be <= 2147483632",
                 (long long)len);
        srt_query_fail(q, msg);
        return -1;
    }
    /* while (t < exclusiveItem ^ stepSign < 0), exclusiveItem = stop + stepSign (wrapping) */
    int64_t excl = (int64_t)((uint64_t)e + (uint64_t)(months > 0 ? 1 : -1));
    SrtDatum *d = srt_scratch_alloc(q, sizeof *d * (size_t)len);
    int64_t cap = len, i = 0, t = s;
    while ((t < excl) != (months < 0)) {
        if (i == cap) { /* a DST gap crossed (not in UTC): Arrays.copyOf(arr, i + 1) */
            SrtDatum *g = srt_scratch_alloc(q, sizeof *d * (size_t)(cap * 2));
            memcpy(g, d, sizeof *d * (size_t)cap);
            d = g, cap *= 2;
        }
        memset(&d[i], 0, sizeof d[i]);
        d[i].i = is_date ? cm_floordiv(t, TS_US_PER_DAY) : t; /* microsToDays */
        i++;
        /* timestampAddInterval(startMicros, i * stepMonths, 0, 0): the Int product wraps */
        if (srt_ts_add_unit(q, s, CM_TSU_MONTH, (int32_t)((uint32_t)i * (uint32_t)months), &t))
            return -1;
    }
    *out = d;
    *out_n = (uint32_t)i;
    return 0;
}

int64_t srt_ts_diff_unit(SrtQuery *q, int64_t start, int64_t end, int32_t unit)
{
    int64_t sd = cm_floordiv(start, TS_US_PER_DAY), st = start - sd * TS_US_PER_DAY;
    int64_t ed = cm_floordiv(end, TS_US_PER_DAY), et = end - ed * TS_US_PER_DAY;
    if (unit < CM_TSU_DAY) {
        /* LocalDateTime.until for a time unit: the whole span truncated toward zero */
        static const int64_t unit_us[] = {1, 1000, 1000000, 60000000, 3600000000LL};
        __int128 span = (__int128)end - start;
        if (unit == CM_TSU_MICROSECOND && (span > INT64_MAX || span < INT64_MIN)) {
            srt_query_fail(q, "long overflow");
            return 0;
        }
        return (int64_t)(span / unit_us[unit]);
    }
    /* a date unit: the end date one day nearer when its time of day has not reached the
       start's, then LocalDate.until (months as prolepticMonth * 32 + day) */
    if (ed > sd && et < st)
        ed--;
    else if (ed < sd && et > st)
        ed++;
    if (unit == CM_TSU_DAY || unit == CM_TSU_WEEK)
        return unit == CM_TSU_DAY ? ed - sd : (ed - sd) / 7;
    int64_t y1, y2;
    int m1, d1, m2, d2;
    cm_civil_from_days(sd, &y1, &m1, &d1);
    cm_civil_from_days(ed, &y2, &m2, &d2);
    int64_t months = ((y2 * 12 + m2 - 1) * 32 + d2 - ((y1 * 12 + m1 - 1) * 32 + d1)) / 32;
    return unit == CM_TSU_MONTH ? months : unit == CM_TSU_QUARTER ? months / 3 : months / 12;
}
