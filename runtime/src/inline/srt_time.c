/* srt_time.c - timestamps (µs since the epoch, UTC): window starts, parsing Spark's
** lenient ISO-8601 forms, formatting as Spark prints, calendar fields and
** date_format with Java DateTimeFormatter pattern letters (inline helpers).
*/
#include <string.h>

#include "srt_abi.h"

#define T_US_PER_DAY 86400000000LL
#define T_US_PER_HOUR 3600000000LL
#define T_US_PER_MIN 60000000LL
#define T_US_PER_SEC 1000000LL

static inline int64_t t_floordiv(int64_t a, int64_t b)
{
    int64_t q = a / b;
    return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
}

/* Days since 1970-01-01 of a proleptic Gregorian date (era arithmetic). */
static int64_t t_days_from_civil(int64_t y, int64_t m, int64_t d)
{
    y -= m <= 2;
    int64_t era = (y >= 0 ? y : y - 399) / 400;
    int64_t yoe = y - era * 400;
    int64_t doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static void t_civil_from_days(int64_t z, int64_t *y, int *m, int *d)
{
    z += 719468;
    int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    int64_t doe = z - era * 146097;
    int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int64_t mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = yoe + era * 400 + (*m <= 2);
}

static int t_is_leap(int64_t y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int t_days_in_month(int64_t y, int m)
{
    static const int dm[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && t_is_leap(y) ? 29 : dm[m - 1];
}

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
    int64_t days = t_floordiv(us, T_US_PER_DAY);
    t->days = days;
    t_civil_from_days(days, &t->year, &t->month, &t->day);
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

/* 1..max digits at *p; returns the count (0: none). */
static int t_digits(const char **p, const char *e, int max, int64_t *v)
{
    int k = 0;
    int64_t x = 0;
    while (*p < e && k < max && **p >= '0' && **p <= '9') {
        x = x * 10 + (**p - '0');
        (*p)++;
        k++;
    }
    *v = x;
    return k;
}

/* A zone suffix: Z, UTC, GMT, [UTC|GMT]±HH[[:]MM]; *off_us east of UTC. 0 ok, -1 bad. */
static int t_zone(const char *p, const char *e, int64_t *off_us)
{
    *off_us = 0;
    if (p < e && *p == ' ')
        p++;
    if (p == e)
        return -1;
    if (e - p == 1 && *p == 'Z')
        return 0;
    if (e - p >= 3 && (memcmp(p, "UTC", 3) == 0 || memcmp(p, "GMT", 3) == 0)) {
        p += 3;
        if (p == e)
            return 0;
    }
    if (*p != '+' && *p != '-')
        return -1;
    int neg = *p++ == '-';
    int64_t hh, mm = 0;
    int nh = t_digits(&p, e, 2, &hh);
    if (nh == 0)
        return -1;
    if (p < e && *p == ':')
        p++;
    if (p < e) {
        if (t_digits(&p, e, 2, &mm) != 2)
            return -1;
    }
    if (p != e || hh > 18 || mm > 59)
        return -1;
    *off_us = (hh * 3600 + mm * 60) * T_US_PER_SEC;
    if (neg)
        *off_us = -*off_us;
    return 0;
}

/* Out of line on purpose: codegen inlines the fast paths and calls this one. */
__attribute__((noinline)) int srt_ts_parse(const char *s, uint32_t n, int64_t *out_us)
{
    const char *p = s, *e = s + n;
    while (p < e && (unsigned char)*p <= ' ')
        p++;
    while (e > p && (unsigned char)e[-1] <= ' ')
        e--;
    int64_t y, mo = 1, d = 1, h = 0, mi = 0, sec = 0, frac = 0;
    if (t_digits(&p, e, 4, &y) != 4)
        return -1;
    if (p < e && *p == '-') {
        p++;
        if (t_digits(&p, e, 2, &mo) == 0)
            return -1;
        if (p < e && *p == '-') {
            p++;
            if (t_digits(&p, e, 2, &d) == 0)
                return -1;
        }
    }
    if (mo < 1 || mo > 12 || d < 1 || d > t_days_in_month(y, (int)mo))
        return -1;
    if (p < e && (*p == ' ' || *p == 'T')) {
        p++;
        if (p < e) {
            if (t_digits(&p, e, 2, &h) == 0 || p >= e || *p != ':')
                return -1;
            p++;
            if (t_digits(&p, e, 2, &mi) == 0)
                return -1;
            if (p < e && *p == ':') {
                p++;
                if (t_digits(&p, e, 2, &sec) == 0)
                    return -1;
                if (p < e && *p == '.') {
                    p++;
                    int k = 0;
                    while (p < e && *p >= '0' && *p <= '9') {
                        if (k < 6)
                            frac = frac * 10 + (*p - '0');
                        k++;
                        p++;
                    }
                    if (k == 0 || k > 9)
                        return -1;
                    for (; k < 6; k++)
                        frac *= 10;
                }
            }
            if (h > 23 || mi > 59 || sec > 59)
                return -1;
        }
    }
    int64_t off = 0;
    if (p < e && t_zone(p, e, &off) < 0)
        return -1;
    *out_us = t_days_from_civil(y, mo, d) * T_US_PER_DAY + h * T_US_PER_HOUR + mi * T_US_PER_MIN +
              sec * T_US_PER_SEC + frac - off;
    return 0;
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

uint32_t srt_ts_format(int64_t us, char *out)
{
    TParts t;
    t_split(us, &t);
    uint32_t n = 0;
    if (t.year > 9999)
        out[n++] = '+';
    n += t_num(out + n, t.year, 4);
    out[n++] = '-';
    n += t_num(out + n, t.month, 2);
    out[n++] = '-';
    n += t_num(out + n, t.day, 2);
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
        int64_t jan1 = t_days_from_civil(t->year, 1, 1);
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
