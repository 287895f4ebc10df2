/* cm_interval.c - Spark's interval strings, duration options and triggers (cm_interval.h). */
#include "common/cm_interval.h"

#include <stdio.h>
#include <string.h>

#include "common/cm_time.h"

/* Java's Character.isWhitespace on the ASCII bytes an interval string is made of. */
static bool iv_space(char c)
{
    return c == ' ' || (c >= '\t' && c <= '\r') || (c >= 0x1c && c <= 0x1f);
}

static char lower(char c)
{
    return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

/* Case-insensitive: does the word w start at p (p < e)? (UTF8String.matchAt on the
   lower-cased input.) */
static bool match_at(const char *p, const char *e, const char *w)
{
    size_t n = strlen(w);
    if ((size_t)(e - p) < n)
        return false;
    for (size_t i = 0; i < n; i++)
        if (lower(p[i]) != w[i])
            return false;
    return true;
}

/*
** IntervalUtils.stringToInterval, its states kept: PREFIX, TRIM_BEFORE_SIGN, SIGN,
** TRIM_BEFORE_VALUE, VALUE, VALUE_FRACTIONAL_PART, TRIM_BEFORE_UNIT, UNIT_BEGIN,
** UNIT_SUFFIX, UNIT_END.
*/
typedef enum IvState {
    IV_TRIM_BEFORE_SIGN,
    IV_SIGN,
    IV_TRIM_BEFORE_VALUE,
    IV_VALUE,
    IV_FRACTION,
    IV_TRIM_BEFORE_UNIT,
    IV_UNIT_BEGIN,
    IV_UNIT_SUFFIX,
    IV_UNIT_END
} IvState;

CmIntervalError cm_interval_parse(const char *s, CmInterval *out, const char **word, int *word_n)
{
    return cm_interval_parse_n(s ? s : "", s ? strlen(s) : 0, out, word, word_n);
}

CmIntervalError cm_interval_parse_n(const char *s, size_t n, CmInterval *out, const char **word,
                                    int *word_n)
{
    const char *p = n ? s : "", *e = p + n;
    /* UTF8String.trimAll: whitespace and ISO control characters at both ends. */
    while (p < e && ((unsigned char)*p <= ' ' || *p == 0x7f))
        p++;
    while (e > p && ((unsigned char)e[-1] <= ' ' || e[-1] == 0x7f))
        e--;
    const char *w = p; /* the start of the current word, for messages */
    CmIntervalError err = CM_IV_OK;
    int64_t months = 0, days = 0, us = 0, value = 0;
    int32_t fraction = 0, scale = 0;
    const int32_t initial_scale = 100000000; /* NANOS_PER_SECOND / 10 */
    bool negative = false, point_prefixed = false;
    IvState st = IV_TRIM_BEFORE_SIGN;
    if (p == e) {
        err = CM_IV_EMPTY;
        goto fail;
    }
    if (match_at(p, e, "interval")) {
        if (e - p == 8) {
            err = CM_IV_EMPTY;
            goto fail;
        }
        if (!iv_space(p[8])) {
            err = CM_IV_PREFIX;
            goto fail;
        }
        p += 9;
    }
    while (p < e) {
        char b = lower(*p);
        switch (st) {
        case IV_TRIM_BEFORE_SIGN:
        case IV_TRIM_BEFORE_VALUE:
        case IV_TRIM_BEFORE_UNIT:
            if (iv_space(b)) {
                p++;
            } else {
                st = st == IV_TRIM_BEFORE_SIGN    ? IV_SIGN
                     : st == IV_TRIM_BEFORE_VALUE ? IV_VALUE
                                                  : IV_UNIT_BEGIN;
                w = p;
            }
            break;
        case IV_SIGN:
            value = 0;
            fraction = 0;
            st = IV_TRIM_BEFORE_VALUE;
            scale = -1; /* no fraction yet */
            point_prefixed = false;
            if (b == '-' || b == '+') {
                negative = b == '-';
                p++;
            } else if (b >= '0' && b <= '9') {
                negative = false;
            } else if (b == '.') {
                negative = false;
                scale = initial_scale;
                point_prefixed = true;
                p++;
                st = IV_FRACTION;
            } else {
                err = CM_IV_NUMBER;
                goto fail;
            }
            break;
        case IV_VALUE:
            if (b >= '0' && b <= '9') {
                if (__builtin_mul_overflow(value, 10, &value) ||
                    __builtin_add_overflow(value, b - '0', &value)) {
                    err = CM_IV_OVERFLOW;
                    goto fail;
                }
            } else if (iv_space(b)) {
                st = IV_TRIM_BEFORE_UNIT;
            } else if (b == '.') {
                scale = initial_scale;
                st = IV_FRACTION;
            } else {
                err = CM_IV_VALUE;
                goto fail;
            }
            p++;
            break;
        case IV_FRACTION:
            if (b >= '0' && b <= '9' && scale > 0) {
                fraction += (b - '0') * scale;
                scale /= 10;
            } else if (iv_space(b) && (!point_prefixed || scale < initial_scale)) {
                fraction /= 1000; /* NANOS_PER_MICROS */
                st = IV_TRIM_BEFORE_UNIT;
            } else {
                err = b >= '0' && b <= '9' ? CM_IV_PRECISION : CM_IV_VALUE;
                goto fail;
            }
            p++;
            break;
        case IV_UNIT_BEGIN: {
            if (b != 's' && scale >= 0) { /* only seconds may have a fraction */
                err = CM_IV_FRACTION;
                goto fail;
            }
            int64_t v = negative ? -value : value, f = negative ? -fraction : fraction, x;
            bool ovf = false;
            const char *unit = NULL;
            if (b == 'y' && match_at(p, e, unit = "year")) {
                ovf = __builtin_mul_overflow(v, 12, &x) || __builtin_add_overflow(months, x, &months);
            } else if (b == 'w' && match_at(p, e, unit = "week")) {
                ovf = __builtin_mul_overflow(v, 7, &x) || __builtin_add_overflow(days, x, &days);
            } else if (b == 'd' && match_at(p, e, unit = "day")) {
                ovf = v < INT32_MIN || v > INT32_MAX || __builtin_add_overflow(days, v, &days);
            } else if (b == 'h' && match_at(p, e, unit = "hour")) {
                ovf = __builtin_mul_overflow(v, CM_US_PER_HOUR, &x) || __builtin_add_overflow(us, x, &us);
            } else if (b == 's' && match_at(p, e, unit = "second")) {
                ovf = __builtin_mul_overflow(v, CM_US_PER_SECOND, &x) ||
                      __builtin_add_overflow(us, x, &us) || __builtin_add_overflow(us, f, &us);
            } else if (b == 'm' && match_at(p, e, unit = "month")) {
                ovf = v < INT32_MIN || v > INT32_MAX || __builtin_add_overflow(months, v, &months);
            } else if (b == 'm' && match_at(p, e, unit = "minute")) {
                ovf = __builtin_mul_overflow(v, CM_US_PER_MINUTE, &x) || __builtin_add_overflow(us, x, &us);
            } else if (b == 'm' && match_at(p, e, unit = "millisecond")) {
                ovf = __builtin_mul_overflow(v, CM_US_PER_MS, &x) || __builtin_add_overflow(us, x, &us);
            } else if (b == 'm' && match_at(p, e, unit = "microsecond")) {
                ovf = __builtin_add_overflow(us, v, &us);
            } else {
                err = CM_IV_UNIT;
                goto fail;
            }
            /* Math.toIntExact on months and days. */
            if (ovf || months < INT32_MIN || months > INT32_MAX || days < INT32_MIN ||
                days > INT32_MAX) {
                err = CM_IV_OVERFLOW;
                goto fail;
            }
            p += strlen(unit);
            st = IV_UNIT_SUFFIX;
            break;
        }
        case IV_UNIT_SUFFIX:
            if (b == 's') {
                st = IV_UNIT_END;
            } else if (iv_space(b)) {
                st = IV_TRIM_BEFORE_SIGN;
            } else {
                err = CM_IV_UNIT;
                goto fail;
            }
            p++;
            break;
        case IV_UNIT_END:
            if (!iv_space(b)) {
                err = CM_IV_UNIT;
                goto fail;
            }
            p++;
            st = IV_TRIM_BEFORE_SIGN;
            break;
        }
    }
    switch (st) {
    case IV_UNIT_SUFFIX:
    case IV_UNIT_END:
    case IV_TRIM_BEFORE_SIGN:
        out->months = (int32_t)months;
        out->days = (int32_t)days;
        out->us = us;
        return CM_IV_OK;
    case IV_TRIM_BEFORE_VALUE: err = CM_IV_MISSING_NUMBER; break;
    case IV_VALUE:
    case IV_FRACTION: err = CM_IV_MISSING_UNIT; break;
    case IV_SIGN:
    case IV_TRIM_BEFORE_UNIT:
    case IV_UNIT_BEGIN: err = CM_IV_MISSING_UNIT; break;
    }
fail:
    if (word) {
        const char *q = w;
        while (q < e && !iv_space(*q))
            q++;
        *word = w;
        *word_n = (int)(q - w);
    }
    return err;
}

const char *cm_interval_error_text(CmIntervalError e)
{
    switch (e) {
    case CM_IV_OK: return "";
    case CM_IV_EMPTY: return "the interval is empty";
    case CM_IV_PREFIX: return "invalid prefix";
    case CM_IV_NUMBER: return "unrecognized number";
    case CM_IV_VALUE: return "invalid value (a number and its unit are separated by a space)";
    case CM_IV_PRECISION: return "a fraction has at most 9 digits";
    case CM_IV_FRACTION: return "only seconds may have a fraction";
    case CM_IV_UNIT:
        return "invalid unit (units are year, month, week, day, hour, minute, second, "
               "millisecond, microsecond, singular or plural)";
    case CM_IV_MISSING_NUMBER: return "a number is missing";
    case CM_IV_MISSING_UNIT: return "a unit is missing";
    case CM_IV_OVERFLOW: return "the interval is out of range";
    }
    return "";
}

bool cm_interval_day_time_us(const CmInterval *iv, int64_t *out_us)
{
    int64_t d;
    return !__builtin_mul_overflow((int64_t)iv->days, CM_US_PER_DAY, &d) &&
           !__builtin_add_overflow(d, iv->us, out_us);
}

bool cm_time_string(const char *s, int64_t unit_us, int64_t *out_us)
{
    static const struct {
        const char *suffix;
        int64_t us;
    } suffixes[] = {{"us", 1},
                    {"ms", CM_US_PER_MS},
                    {"s", CM_US_PER_SECOND},
                    {"m", CM_US_PER_MINUTE},
                    {"min", CM_US_PER_MINUTE},
                    {"h", CM_US_PER_HOUR},
                    {"d", CM_US_PER_DAY}};
    if (!s)
        return false;
    const char *p = s, *e = s + strlen(s);
    while (p < e && (unsigned char)*p <= ' ') /* String.trim */
        p++;
    while (e > p && (unsigned char)e[-1] <= ' ')
        e--;
    /* (-?[0-9]+)([a-z]+)? on the lower-cased text; Long.parseLong of the number. */
    const char *q = p;
    bool neg = q < e && *q == '-';
    if (neg)
        q++;
    if (q == e || *q < '0' || *q > '9')
        return false;
    int64_t v = 0;
    for (; q < e && *q >= '0' && *q <= '9'; q++)
        if (__builtin_mul_overflow(v, 10, &v) ||
            __builtin_sub_overflow(v, *q - '0', &v)) /* negative: reaches Long.MIN_VALUE */
            return false;
    if (!neg && __builtin_mul_overflow(v, -1, &v))
        return false;
    size_t n = (size_t)(e - q);
    int64_t mult = unit_us;
    if (n) {
        mult = 0;
        for (size_t i = 0; i < sizeof suffixes / sizeof suffixes[0]; i++)
            if (strlen(suffixes[i].suffix) == n) {
                size_t k = 0;
                while (k < n && lower(q[k]) == suffixes[i].suffix[k])
                    k++;
                if (k == n)
                    mult = suffixes[i].us;
            }
        if (!mult)
            return false;
    }
    int64_t us;
    if (__builtin_mul_overflow(v, mult, &us))
        return false;
    *out_us = us / unit_us * unit_us; /* TimeUnit.convert truncates toward zero */
    return true;
}

bool cm_duration_parse(const char *s, int64_t unit_us, int64_t *out_us)
{
    if (cm_time_string(s, unit_us, out_us))
        return true;
    CmInterval iv;
    return cm_interval_parse(s, &iv, NULL, NULL) == CM_IV_OK && iv.months == 0 &&
           cm_interval_day_time_us(&iv, out_us);
}

/* The message of a refused trigger s. */
static void trigger_message(char *buf, size_t n, const char *s, CmTriggerError err)
{
    switch (err) {
    case CM_TRIGGER_OK: snprintf(buf, n, "valid trigger '%s'", s); return;
    case CM_TRIGGER_NOT_INTERVAL: {
        CmInterval iv;
        const char *w = s;
        int wn = 0;
        CmIntervalError e = cm_interval_parse(s, &iv, &w, &wn);
        snprintf(buf, n,
                 "invalid trigger '%s' (expected 'once', 'availableNow', 'default' or an "
                 "interval such as '5 seconds'): %s%s%.*s%s",
                 s, cm_interval_error_text(e), wn ? " at '" : "", wn, w, wn ? "'" : "");
        return;
    }
    case CM_TRIGGER_MONTHS: snprintf(buf, n, "Doesn't support month or year interval: %s", s); return;
    case CM_TRIGGER_NEGATIVE:
        snprintf(buf, n, "requirement failed: the interval of trigger should not be negative");
        return;
    case CM_TRIGGER_OVERFLOW: snprintf(buf, n, "invalid trigger '%s': out of range", s); return;
    }
}

static CmTriggerError trigger_parse(const char *s, CmTrigger *t)
{
    static const struct {
        const char *word;
        CmTriggerKind kind;
    } words[] = {{"default", CM_TRIGGER_DEFAULT},
                 {"once", CM_TRIGGER_ONCE},
                 {"availablenow", CM_TRIGGER_AVAILABLE_NOW}};
    t->kind = CM_TRIGGER_DEFAULT;
    t->interval_ms = 0;
    if (!s) /* no trigger option */
        return CM_TRIGGER_OK;
    size_t n = strlen(s);
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        if (strlen(words[i].word) == n && match_at(s, s + n, words[i].word)) {
            t->kind = words[i].kind;
            return CM_TRIGGER_OK;
        }
    CmInterval iv;
    int64_t us;
    if (cm_interval_parse(s, &iv, NULL, NULL) != CM_IV_OK)
        return CM_TRIGGER_NOT_INTERVAL;
    if (iv.months != 0)
        return CM_TRIGGER_MONTHS;
    if (!cm_interval_day_time_us(&iv, &us))
        return CM_TRIGGER_OVERFLOW;
    int64_t ms = us / CM_US_PER_MS; /* TimeUnit.MICROSECONDS.toMillis */
    if (ms < 0)
        return CM_TRIGGER_NEGATIVE;
    t->kind = ms == 0 ? CM_TRIGGER_DEFAULT : CM_TRIGGER_INTERVAL;
    t->interval_ms = ms;
    return CM_TRIGGER_OK;
}

CmTriggerError cm_trigger_parse(const char *s, CmTrigger *t, char *msg, size_t msg_n)
{
    CmTriggerError err = trigger_parse(s, t);
    if (err != CM_TRIGGER_OK && msg && msg_n)
        trigger_message(msg, msg_n, s, err);
    return err;
}
