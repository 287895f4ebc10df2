/* sema_interval.c - interval strings, duration options and timestamp literals for sema,
** as µs: thin adapters over the rules the runtime shares (common/cm_interval.h,
** common/cm_time.h), plus the compact duration printer of dumps.
**
** Months and years are kept apart (a window cannot use them; a watermark counts a month
** as 31 days).  Timestamps without a zone are UTC (sluice has no session time zone).
*/
#include "common/cm_interval.h"
#include "common/cm_time.h"
#include "sema/sema_int.h"

#define US_PER_MS 1000LL
#define US_PER_SECOND 1000000LL
#define US_PER_MINUTE (60 * US_PER_SECOND)
#define US_PER_HOUR (60 * US_PER_MINUTE)
#define US_PER_DAY (24 * US_PER_HOUR)

/* Spark's stringToInterval; days folded into µs (TimeWindow, withWatermark). */
int sema_interval_parts(const char *text, int64_t *months, int64_t *us)
{
    CmInterval iv;
    if (!text || cm_interval_parse(text, &iv, NULL, NULL) != CM_IV_OK ||
        !cm_interval_day_time_us(&iv, us))
        return -1;
    *months = iv.months;
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

/* A duration option in µs: timeStringAsMs ("7d", a bare number is ms) or an interval. */
int sema_parse_duration(const char *text, int64_t *out_us)
{
    return cm_duration_parse(text, US_PER_MS, out_us) ? 0 : -1;
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
