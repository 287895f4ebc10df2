/* srt_time.c - timestamps (µs since the epoch, UTC): window starts, parsing Spark's
** lenient ISO-8601 forms, formatting as Spark prints, calendar fields and
** date_format with Java DateTimeFormatter pattern letters (inline helpers).
*/
#include <string.h>
#include <time.h>

#include "common/cm_time.h"
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

int64_t srt_ts_year(int64_t us)
{
    return srt_ts_field(us, SRT_TS_YEAR);
}

int64_t srt_ts_month(int64_t us)
{
    return srt_ts_field(us, SRT_TS_MONTH);
}

int64_t srt_ts_day(int64_t us)
{
    return srt_ts_field(us, SRT_TS_DAY);
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

/* Spark's lenient string -> timestamp cast (cm_ts_parse); a time without a date takes
   today's date from the wall clock, as Spark's LocalDate.now does.  Out of line on
   purpose: codegen inlines the fast paths and calls this one. */
__attribute__((noinline)) int srt_ts_parse(const char *s, uint32_t n, int64_t *out_us)
{
    int rc = cm_ts_parse(s, n, CM_TS_NO_DATE, out_us);
    if (rc == CM_TS_TIME_ONLY) {
        struct timespec now;
        clock_gettime(CLOCK_REALTIME, &now);
        rc = cm_ts_parse(s, n, (int64_t)now.tv_sec * T_US_PER_SEC + now.tv_nsec / 1000, out_us);
    }
    return rc;
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
    /* DateTimeUtils.truncTimestamp / truncDate in UTC. */
    TParts t;
    t_split(us, &t);
    int64_t days = t.days;
    switch (level) {
    case SRT_TRUNC_MICROSECOND: return us;
    case SRT_TRUNC_MILLISECOND: return cm_floordiv(us, 1000) * 1000;
    case SRT_TRUNC_SECOND: return us - t.micros;
    case SRT_TRUNC_MINUTE: return us - t.micros - t.second * T_US_PER_SEC;
    case SRT_TRUNC_HOUR: return us - t.micros - t.second * T_US_PER_SEC - t.minute * T_US_PER_MIN;
    case SRT_TRUNC_DAY: break;
    case SRT_TRUNC_WEEK: days -= ((days + 3) % 7 + 7) % 7; break; /* 1970-01-01 was a Thursday */
    case SRT_TRUNC_MONTH: days -= t.day - 1; break;
    case SRT_TRUNC_QUARTER: days = cm_days_from_civil(t.year, (t.month - 1) / 3 * 3 + 1, 1); break;
    case SRT_TRUNC_YEAR: days = cm_days_from_civil(t.year, 1, 1); break;
    default: return us;
    }
    return days * T_US_PER_DAY;
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

/* One run of `count` pattern letters c. */
static uint32_t t_field(char *o, char c, int count, const TParts *t)
{
    switch (c) {
    case 'y':
    case 'u':
        if (count == 2)
            return t_num(o, ((t->year % 100) + 100) % 100, 2);
        return t_num(o, t->year, count);
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
    case 'G':
        memcpy(o, t->year > 0 ? "AD" : "BC", 2);
        return 2;
    case 'z':
    case 'V':
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

void srt_date_format(SrtQuery *q, int64_t us, const char *fmt, uint32_t fmt_n, const char **out,
                     uint32_t *out_n)
{
    /* No letter run of length k yields more than max(k, 11) + 10 bytes. */
    char *o = srt_scratch_alloc(q, (size_t)fmt_n * 12 + 32);
    TParts t;
    t_split(us, &t);
    uint32_t n = 0, i = 0;
    while (i < fmt_n) {
        char c = fmt[i];
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
            int count = 1;
            while (i + (uint32_t)count < fmt_n && fmt[i + (uint32_t)count] == c && count < 20)
                count++;
            n += t_field(o + n, c, count, &t);
            i += (uint32_t)count;
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
    *out = o;
    *out_n = n;
}
