/* sema_interval.c - interval strings, duration options and timestamp literals for sema,
** as µs: thin adapters over the rules the runtime shares (common/cm_interval.h,
** common/cm_time.h), the compact duration printer of dumps, and Spark 3.5's INTERVAL
** literals (the ANSI forms: INTERVAL '2' DAY, INTERVAL '2 10:30' DAY TO MINUTE; their
** year-month or day-time type and their names).
**
** Months and years are kept apart (a window cannot use them; a watermark counts a month
** as 31 days).  Timestamps without a zone are UTC (sluice has no session time zone).
*/
#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "common/cm_ansi_iv.h"
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

/* ==== INTERVAL literals (Spark 3.5's AstBuilder) ==== */

/* Spark's MAX_DAY, MAX_HOUR, MAX_MINUTE: the fields of Long.MaxValue µs. */
#define IV_MAX_DAY 106751991LL
#define IV_MAX_HOUR 2562047788LL
#define IV_MAX_MINUTE 153722867280LL

static const char *const dt_names[] = {"day", "hour", "minute", "second"};
static const char *const dt_upper[] = {"DAY", "HOUR", "MINUTE", "SECOND"};

/* A lower-case copy of a unit word as written, for Spark's messages. */
static const char *lower_copy(Arena *arena, const char *w)
{
    char *c = arena_strdup(arena, w);
    for (char *p = c; *p; p++)
        *p = (char)tolower((unsigned char)*p);
    return c;
}

/* The field of a unit word as constructMultiUnitsIntervalLiteral sorts it (the word lower
   case, one trailing 's' stripped): *ym for year and month, else a day-time field (a week is
   DAY, a millisecond or microsecond SECOND); -1 for any other word. */
static int unit_field(const char *w, size_t n, bool *ym)
{
    static const struct {
        const char *word;
        bool ym;
        int field;
    } units[] = {
        {"year", true, SEMA_IV_YEAR},         {"month", true, SEMA_IV_MONTH},
        {"week", false, SEMA_IV_DAY},         {"day", false, SEMA_IV_DAY},
        {"hour", false, SEMA_IV_HOUR},        {"minute", false, SEMA_IV_MINUTE},
        {"second", false, SEMA_IV_SECOND},    {"millisecond", false, SEMA_IV_SECOND},
        {"microsecond", false, SEMA_IV_SECOND},
    };
    if (n > 1 && (w[n - 1] == 's' || w[n - 1] == 'S'))
        n--;
    for (size_t i = 0; i < sizeof units / sizeof units[0]; i++)
        if (strlen(units[i].word) == n && strncasecmp(w, units[i].word, n) == 0) {
            *ym = units[i].ym;
            return units[i].field;
        }
    return -1;
}

/* The literal as written, near enough for messages (Spark prints its source text). */
static const char *source_text(Arena *arena, const AstExpr *e)
{
    return arena_sprintf(arena, e->u.interval.pairs ? "INTERVAL %s" : "INTERVAL '%s'",
                         e->u.interval.text ? e->u.interval.text : "");
}

/* INTERVAL 'text' and INTERVAL value unit ...: stringToInterval of the text, typed by its unit
   words (visitTypeConstructor splits the string at spaces and keeps the words of letters but
   "interval"; visitMultiUnitsInterval takes the units it parsed, which are the same words),
   as constructMultiUnitsIntervalLiteral: year-month if every unit is, day-time if none is. */
static const char *multi_units(Arena *arena, const AstExpr *e, SIntervalLit *out)
{
    const char *text = e->u.interval.text ? e->u.interval.text : "";
    CmInterval iv;
    if (cm_interval_parse(text, &iv, NULL, NULL) != CM_IV_OK || !cm_interval_day_time_us(&iv, &out->us))
        return arena_sprintf(arena,
                             "invalid interval '%s' (expected e.g. '10 minutes' or '1 hour 30 minutes')",
                             sema_duration_text(e));
    int ym_lo = 2, ym_hi = -1, dt_lo = 4, dt_hi = -1;
    for (const char *w = text; *w;) {
        size_t n = 0;
        while (w[n] && !isspace((unsigned char)w[n]))
            n++;
        bool letters = n > 0, ym = false;
        for (size_t i = 0; i < n; i++)
            letters = letters && isalpha((unsigned char)w[i]);
        int f = letters ? unit_field(w, n, &ym) : -1;
        if (f >= 0 && ym) {
            ym_lo = f < ym_lo ? f : ym_lo;
            ym_hi = f > ym_hi ? f : ym_hi;
        } else if (f >= 0) {
            dt_lo = f < dt_lo ? f : dt_lo;
            dt_hi = f > dt_hi ? f : dt_hi;
        }
        w += n;
        while (isspace((unsigned char)*w))
            w++;
    }
    if (ym_hi >= 0 && dt_hi >= 0)
        return arena_sprintf(arena, "Cannot mix year-month and day-time fields: %s", source_text(arena, e));
    out->year_month = ym_hi >= 0;
    out->months = iv.months;
    out->from = out->year_month ? ym_lo : dt_lo;
    out->to = out->year_month ? ym_hi : dt_hi;
    return NULL;
}

/* Spark's UTF8String.trimAll: the value without characters <= ' ' at either end. */
static const char *trim_all(Arena *arena, const char *s)
{
    while (*s && (unsigned char)*s <= ' ')
        s++;
    size_t n = strlen(s);
    while (n && (unsigned char)s[n - 1] <= ' ')
        n--;
    return arena_strndup(arena, s, n);
}

/* A run of 1 to max digits at *p, its text in [*b, *b + *n); false if none or too many. */
static bool digit_run(const char **p, int max, const char **b, int *n)
{
    *b = *p;
    while (isdigit((unsigned char)**p))
        (*p)++;
    *n = (int)(*p - *b);
    return *n >= 1 && *n <= max;
}

/* requirement failed: <field> <value> outside range [lo, hi] (toLongWithRange) */
static const char *field_value(Arena *arena, const char *name, const char *b, int n, int64_t hi,
                               int64_t *out)
{
    int64_t v = 0;
    for (int i = 0; i < n; i++)
        v = v > (INT64_MAX - 9) / 10 ? INT64_MAX : v * 10 + (b[i] - '0');
    if (v > hi)
        return arena_sprintf(arena, "requirement failed: %s %lld outside range [0, %lld]", name,
                             (long long)v, (long long)hi);
    *out = v;
    return NULL;
}

/* INTERVAL 'value' from TO to of day-time fields: Spark's castStringToDTInterval with the
   patterns of its supportedFormat (`[+|-]d h:m:s.n` and the shorter ones): the first field has
   up to 9 (day), 10 (hour) or 12 (minute) digits, the others 1 or 2 and are at most 23 hours,
   59 minutes and 59 seconds, a fraction of 1 to 9 digits (truncated to µs) only on seconds;
   [+|-] is a character class, so '|' is a plus sign. */
static const char *day_time(Arena *arena, const char *value, int from, int to, int64_t *us)
{
    static const char *const formats[4][4] = {
        {NULL, "[+|-]d h", "[+|-]d h:m", "[+|-]d h:m:s.n"},
        {NULL, NULL, "[+|-]h:m", "[+|-]h:m:s.n"},
        {NULL, NULL, NULL, "[+|-]m:s.n"},
    };
    static const int first_max[] = {9, 10, 12};
    static const int64_t first_hi[] = {IV_MAX_DAY, IV_MAX_HOUR, IV_MAX_MINUTE};
    static const int64_t unit_us[] = {US_PER_DAY, US_PER_HOUR, US_PER_MINUTE, US_PER_SECOND};
    const char *s = trim_all(arena, value), *p = s;
    int sign = 1;
    if (*p == '+' || *p == '-' || *p == '|')
        sign = *p++ == '-' ? -1 : 1;
    const char *fb[4], *frac = NULL;
    int fn[4], frac_n = 0;
    bool ok = true;
    for (int f = from; ok && f <= to; f++) {
        if (f > from && *p++ != (f == SEMA_IV_HOUR ? ' ' : ':')) {
            ok = false;
            break;
        }
        ok = digit_run(&p, f == from ? first_max[from] : 2, &fb[f], &fn[f]);
    }
    if (ok && to == SEMA_IV_SECOND && *p == '.') {
        p++;
        ok = digit_run(&p, 9, &frac, &frac_n);
    }
    if (!ok || *p) {
        const char *fmt = formats[from][to];
        return arena_sprintf(arena,
                             "Interval string does not match day-time format of `%s`, `INTERVAL "
                             "[+|-]'%s' %s TO %s` when cast to interval %s to %s: %s, set "
                             "spark.sql.legacy.fromDayTimeString.enabled to true to restore the "
                             "behavior before Spark 3.0.",
                             fmt, fmt, dt_upper[from], dt_upper[to],
                             dt_names[from], dt_names[to], value);
    }
    int64_t total = 0;
    for (int f = from; f <= to; f++) {
        static const int64_t hi[] = {IV_MAX_DAY, 23, 59, 59};
        int64_t v = 0;
        const char *err = field_value(arena, dt_names[f], fb[f], fn[f], f == from && f < SEMA_IV_SECOND ? first_hi[f] : hi[f], &v);
        if (err)
            return err;
        if (__builtin_mul_overflow(v, unit_us[f], &v) || __builtin_add_overflow(total, v, &total))
            return "long overflow";
    }
    if (frac) {
        int64_t micro = 0;
        for (int i = 0; i < 6; i++)
            micro = micro * 10 + (i < frac_n ? frac[i] - '0' : 0);
        if (__builtin_add_overflow(total, micro, &total))
            return "long overflow";
    }
    *us = sign * total;
    return NULL;
}

/* INTERVAL 'y-m' YEAR TO MONTH: castStringToYMInterval's `[+|-]y-m`, at most 178956970 years
   (Int.MaxValue months) and 11 months. */
static const char *year_month(Arena *arena, const char *value, int64_t *months)
{
    const char *p = trim_all(arena, value), *yb, *mb;
    int sign = 1, yn, mn;
    if (*p == '+' || *p == '-' || *p == '|')
        sign = *p++ == '-' ? -1 : 1;
    if (!digit_run(&p, 64, &yb, &yn) || *p++ != '-' || !digit_run(&p, 64, &mb, &mn) || *p)
        return arena_sprintf(arena,
                             "Interval string does not match year-month format of `[+|-]y-m`, "
                             "`INTERVAL [+|-]'[+|-]y-m' YEAR TO MONTH` when cast to interval year "
                             "to month: %s", value);
    int64_t y = 0, m = 0;
    const char *err = field_value(arena, "year", yb, yn, INT32_MAX / 12, &y);
    if (!err)
        err = field_value(arena, "month", mb, mn, 11, &m);
    if (err)
        return arena_sprintf(arena, "Error parsing interval year-month string: %s", err);
    *months = sign * (y * 12 + m);
    return NULL;
}

/* INTERVAL 'value' from TO to (visitUnitToUnitInterval, then visitInterval types it by the
   units): YEAR TO MONTH, or DAY TO HOUR|MINUTE|SECOND, HOUR TO MINUTE|SECOND, MINUTE TO
   SECOND. */
static const char *unit_to_unit(Arena *arena, const AstExpr *e, SIntervalLit *out)
{
    const char *from = e->u.interval.from, *to = e->u.interval.to;
    const char *value = e->u.interval.text ? e->u.interval.text : "";
    if (strcasecmp(from, "year") == 0 && strcasecmp(to, "month") == 0) {
        out->year_month = true;
        out->from = SEMA_IV_YEAR;
        out->to = SEMA_IV_MONTH;
        return year_month(arena, value, &out->months);
    }
    int f = -1, t = -1;
    for (int i = 0; i < 4; i++) {
        if (strcasecmp(from, dt_names[i]) == 0)
            f = i;
        if (strcasecmp(to, dt_names[i]) == 0)
            t = i;
    }
    if (f < 0 || t < 0 || f >= t || f == SEMA_IV_SECOND)
        return arena_sprintf(arena, "Intervals FROM %s TO %s are not supported.",
                             lower_copy(arena, from), lower_copy(arena, to));
    out->from = f;
    out->to = t;
    return day_time(arena, value, f, t, &out->us);
}

const char *sema_interval_literal(Arena *arena, const AstExpr *e, SIntervalLit *out)
{
    *out = (SIntervalLit){0};
    return e->u.interval.from ? unit_to_unit(arena, e, out) : multi_units(arena, e, out);
}

/* IntervalUtils.toDayTimeIntervalString and toYearMonthIntervalString (ANSI_STYLE), the text
   the runtime prints too (common/cm_ansi_iv.h). */
void sema_put_day_time(StrBuf *sb, int64_t us, int from, int to)
{
    char text[CM_IV_TEXT_MAX + 1];
    text[cm_dti_format(us, from, to, text)] = '\0';
    sb_puts(sb, text);
}

void sema_put_year_month(StrBuf *sb, int64_t months, int from, int to)
{
    char text[CM_IV_TEXT_MAX + 1];
    text[cm_ymi_format((int32_t)months, from, to, text)] = '\0';
    sb_puts(sb, text);
}

const char *sema_duration_text(const AstExpr *a)
{
    if (a->kind != AST_INTERVAL)
        return a->u.str ? a->u.str : "";
    const char *t = a->u.interval.text ? a->u.interval.text : "";
    while (*t == ' ')
        t++;
    return t;
}

bool sema_duration_literal(SemaCtx *sc, const AstExpr *a, int64_t *months, int64_t *us)
{
    if (a->kind == AST_INTERVAL) {
        SIntervalLit lit;
        const char *err = sema_interval_literal(sc->arena, a, &lit);
        if (err) {
            diag_error(sc->diag, a->span, "%s", err);
            return false;
        }
        *months = lit.year_month ? lit.months : 0;
        *us = lit.year_month ? 0 : lit.us;
        return true;
    }
    if (sema_interval_parts(a->u.str, months, us) != 0) {
        diag_error(sc->diag, a->span,
                   "invalid interval '%s' (expected e.g. '10 minutes' or '1 hour 30 minutes')",
                   sema_duration_text(a));
        return false;
    }
    return true;
}

bool sema_days_interval(Arena *arena, const AstExpr *e, int64_t *days)
{
    SIntervalLit lit;
    if (!e || e->kind != AST_INTERVAL || sema_interval_literal(arena, e, &lit) || lit.year_month ||
        lit.from != SEMA_IV_DAY || lit.to != SEMA_IV_DAY)
        return false;
    *days = lit.us / US_PER_DAY;
    return true;
}
