/* sema_interval.c - Spark's interval strings, duration options and timestamp literals, as µs.
**
** Intervals follow Spark's IntervalUtils.stringToInterval: an optional leading
** INTERVAL word, then one or more `[+|-]<number> <unit>` pairs; units year,
** month, week, day, hour, minute, second, millisecond, microsecond, singular or
** plural, any case; only seconds may have a fraction.  Months and years are kept
** apart (a window cannot use them; a watermark counts a month as 31 days).
** Timestamps without a zone are UTC (sluice has no session time zone).
*/
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "sema/sema_int.h"

#define US_PER_MS 1000LL
#define US_PER_SECOND 1000000LL
#define US_PER_MINUTE (60 * US_PER_SECOND)
#define US_PER_HOUR (60 * US_PER_MINUTE)
#define US_PER_DAY (24 * US_PER_HOUR)

/* ==== Interval strings ==== */

typedef struct Unit {
    const char *name; /* singular */
    int64_t us;       /* 0 for the month-based units */
    int months;
} Unit;

static const Unit units[] = {
    {"year", 0, 12},
    {"month", 0, 1},
    {"week", 7 * US_PER_DAY, 0},
    {"day", US_PER_DAY, 0},
    {"hour", US_PER_HOUR, 0},
    {"minute", US_PER_MINUTE, 0},
    {"second", US_PER_SECOND, 0},
    {"millisecond", US_PER_MS, 0},
    {"microsecond", 1, 0},
};

static const char *skip_space(const char *p)
{
    while (*p && isspace((unsigned char)*p))
        p++;
    return p;
}

/* A unit word at p (singular or plural); returns its entry and advances *pp, or NULL. */
static const Unit *match_unit(const char **pp)
{
    const char *p = *pp;
    size_t n = 0;
    while (isalpha((unsigned char)p[n]))
        n++;
    for (size_t i = 0; i < sizeof units / sizeof units[0]; i++) {
        size_t ul = strlen(units[i].name);
        if ((n == ul || (n == ul + 1 && tolower((unsigned char)p[ul]) == 's')) &&
            strncasecmp(p, units[i].name, ul) == 0) {
            *pp = p + n;
            return &units[i];
        }
    }
    return NULL;
}

/*
** interval := ['interval'] pair { pair }
** pair     := ['+'|'-'] digits ['.' digits] unit      (fraction: seconds only)
** Returns 0 with *months and *us set, or -1 if text is not an interval.
*/
int sema_interval_parts(const char *text, int64_t *months, int64_t *us)
{
    if (!text)
        return -1;
    const char *p = skip_space(text);
    if (strncasecmp(p, "interval", 8) == 0 && (isspace((unsigned char)p[8]) || !p[8]))
        p = skip_space(p + 8);
    int64_t m_total = 0, us_total = 0;
    int n_pairs = 0;
    while (*p) {
        bool neg = false;
        if (*p == '+' || *p == '-') {
            neg = *p == '-';
            p++;
        }
        if (!isdigit((unsigned char)*p))
            return -1;
        int64_t whole = 0;
        while (isdigit((unsigned char)*p)) {
            if (__builtin_mul_overflow(whole, 10, &whole) ||
                __builtin_add_overflow(whole, *p - '0', &whole))
                return -1;
            p++;
        }
        int64_t frac_us = 0;
        bool has_frac = false;
        if (*p == '.') {
            has_frac = true;
            p++;
            int64_t scale = 100000;
            if (!isdigit((unsigned char)*p))
                return -1;
            for (int nd = 0; isdigit((unsigned char)*p); p++, nd++) {
                if (nd >= 9)
                    return -1;
                frac_us += (*p - '0') * scale;
                scale /= 10;
            }
        }
        if (!isspace((unsigned char)*p))
            return -1;
        p = skip_space(p);
        const Unit *u = match_unit(&p);
        if (!u || (has_frac && u->us != US_PER_SECOND))
            return -1;
        if (*p && !isspace((unsigned char)*p))
            return -1;
        p = skip_space(p);
        int64_t v;
        if (u->months) {
            if (__builtin_mul_overflow(whole, (int64_t)u->months, &v) ||
                __builtin_add_overflow(m_total, neg ? -v : v, &m_total))
                return -1;
        } else {
            if (__builtin_mul_overflow(whole, u->us, &v) ||
                __builtin_add_overflow(v, frac_us, &v) ||
                __builtin_add_overflow(us_total, neg ? -v : v, &us_total))
                return -1;
        }
        n_pairs++;
    }
    if (n_pairs == 0)
        return -1;
    *months = m_total;
    *us = us_total;
    return 0;
}

/* See sema.h: 0 ok, -1 malformed, -2 it has a month or year part. */
int sema_parse_interval(const char *text, int64_t *out_us)
{
    int64_t months, us;
    if (sema_interval_parts(text, &months, &us) != 0)
        return -1;
    if (months != 0)
        return -2;
    *out_us = us;
    return 0;
}

/* ==== Duration options ==== */

/*
** Spark's JavaUtils.timeStringAsMs: `<integer>[us|ms|s|m|min|h|d]` (no suffix: ms),
** e.g. maxFileAge = '7d'; anything else is tried as an interval string.
*/
int sema_parse_duration(const char *text, int64_t *out_us)
{
    static const struct {
        const char *suffix;
        int64_t us;
    } suffixes[] = {
        {"us", 1},
        {"ms", US_PER_MS},
        {"s", US_PER_SECOND},
        {"m", US_PER_MINUTE},
        {"min", US_PER_MINUTE},
        {"h", US_PER_HOUR},
        {"d", US_PER_DAY},
    };
    if (!text)
        return -1;
    const char *p = skip_space(text);
    const char *q = p;
    if (*q == '-')
        q++;
    if (isdigit((unsigned char)*q)) {
        char *end;
        long long v = strtoll(p, &end, 10);
        const char *s = end;
        size_t n = 0;
        while (isalpha((unsigned char)s[n]))
            n++;
        if (!*skip_space(s + n)) {
            int64_t mult = n == 0 ? US_PER_MS : 0;
            for (size_t i = 0; n && i < sizeof suffixes / sizeof suffixes[0]; i++)
                if (strlen(suffixes[i].suffix) == n && strncasecmp(s, suffixes[i].suffix, n) == 0)
                    mult = suffixes[i].us;
            int64_t r;
            if (mult && !__builtin_mul_overflow((int64_t)v, mult, &r)) {
                *out_us = r;
                return 0;
            }
        }
    }
    return sema_parse_interval(text, out_us) == 0 ? 0 : -1;
}

/* ==== Timestamp literals ==== */

/* Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
static int64_t days_from_civil(int64_t y, int m, int d)
{
    y -= m <= 2;
    int64_t era = (y >= 0 ? y : y - 399) / 400;
    int64_t yoe = y - era * 400;
    int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

/* n digits at *pp into *out; advances. */
static bool digits(const char **pp, int n, int *out)
{
    int v = 0;
    for (int i = 0; i < n; i++) {
        if (!isdigit((unsigned char)(*pp)[i]))
            return false;
        v = v * 10 + ((*pp)[i] - '0');
    }
    *pp += n;
    *out = v;
    return true;
}

static bool valid_date(int y, int m, int d)
{
    static const int mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m < 1 || m > 12 || d < 1)
        return false;
    int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return d <= mdays[m - 1] + (m == 2 && leap);
}

/*
** ts   := yyyy-mm-dd [ ('T'|' ') hh:mm [':' ss ['.' fraction]] ] [zone]
** zone := 'Z' | ('+'|'-') hh [':'] mm | ('+'|'-') hh
** The subset of Spark's stringToTimestamp that appears in queries; UTC without a zone.
*/
int sema_parse_timestamp(const char *text, int64_t *out_us)
{
    if (!text)
        return -1;
    const char *p = skip_space(text);
    int y, mo, d, h = 0, mi = 0, s = 0;
    int64_t frac = 0;
    if (!digits(&p, 4, &y) || *p++ != '-' || !digits(&p, 2, &mo) || *p++ != '-' ||
        !digits(&p, 2, &d))
        return -1;
    if (!valid_date(y, mo, d))
        return -1;
    if (*p == 'T' || *p == 't' || (*p == ' ' && isdigit((unsigned char)p[1]))) {
        p++;
        if (!digits(&p, 2, &h) || *p++ != ':' || !digits(&p, 2, &mi))
            return -1;
        if (*p == ':') {
            p++;
            if (!digits(&p, 2, &s))
                return -1;
            if (*p == '.') {
                p++;
                int64_t scale = 100000;
                if (!isdigit((unsigned char)*p))
                    return -1;
                for (; isdigit((unsigned char)*p); p++) {
                    frac += (*p - '0') * scale;
                    scale /= 10;
                }
            }
        }
        if (h > 23 || mi > 59 || s > 59)
            return -1;
    }
    int64_t offset_us = 0;
    if (*p == 'Z' || *p == 'z') {
        p++;
    } else if (*p == '+' || *p == '-') {
        int sign = *p++ == '-' ? -1 : 1;
        int oh, om = 0;
        if (!digits(&p, 2, &oh))
            return -1;
        if (*p == ':')
            p++;
        if (isdigit((unsigned char)*p) && !digits(&p, 2, &om))
            return -1;
        if (oh > 18 || om > 59)
            return -1;
        offset_us = sign * (oh * US_PER_HOUR + om * US_PER_MINUTE);
    }
    if (*skip_space(p))
        return -1;
    *out_us = days_from_civil(y, mo, d) * US_PER_DAY + h * US_PER_HOUR + mi * US_PER_MINUTE +
              s * US_PER_SECOND + frac - offset_us;
    return 0;
}

/* ==== Printing ==== */

/* 1h30m, 10s, 1s500ms, 7d, 0, -5m: exact, for dumps. */
void sema_put_duration(StrBuf *sb, int64_t us)
{
    static const struct {
        const char *name;
        int64_t us;
    } parts[] = {
        {"d", US_PER_DAY},    {"h", US_PER_HOUR}, {"m", US_PER_MINUTE},
        {"s", US_PER_SECOND}, {"ms", US_PER_MS},  {"us", 1},
    };
    if (us == 0) {
        sb_putc(sb, '0');
        return;
    }
    uint64_t u = us < 0 ? (uint64_t)0 - (uint64_t)us : (uint64_t)us;
    if (us < 0)
        sb_putc(sb, '-');
    for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++) {
        uint64_t n = u / (uint64_t)parts[i].us;
        if (n) {
            sb_printf(sb, "%llu%s", (unsigned long long)n, parts[i].name);
            u -= n * (uint64_t)parts[i].us;
        }
    }
}
