/* cm_ansi_iv.c - ANSI interval values as text (cm_ansi_iv.h): Spark 3.5's IntervalUtils. */
#include "common/cm_ansi_iv.h"

#include <stdio.h>
#include <string.h>

#define US_PER_SECOND 1000000LL
#define US_PER_MINUTE (60 * US_PER_SECOND)
#define US_PER_HOUR (60 * US_PER_MINUTE)
#define US_PER_DAY (24 * US_PER_HOUR)
/* IntervalUtils' MAX_DAY, MAX_HOUR, MAX_MINUTE, MAX_SECOND: the fields of Long.MaxValue µs. */
#define MAX_DAY 106751991LL
#define MAX_HOUR 2562047788LL
#define MAX_MINUTE 153722867280LL
#define MAX_SECOND 9223372036854LL

static const char *const dt_upper[] = {"DAY", "HOUR", "MINUTE", "SECOND"};
static const char *const ym_upper[] = {"YEAR", "MONTH"};

/* ==== Type names ==== */

const char *cm_dt_type_name(int from, int to, bool upper)
{
    static const char *const names[2][4][4] = {
        {{"interval day", "interval day to hour", "interval day to minute",
          "interval day to second"},
         {NULL, "interval hour", "interval hour to minute", "interval hour to second"},
         {NULL, NULL, "interval minute", "interval minute to second"},
         {NULL, NULL, NULL, "interval second"}},
        {{"INTERVAL DAY", "INTERVAL DAY TO HOUR", "INTERVAL DAY TO MINUTE",
          "INTERVAL DAY TO SECOND"},
         {NULL, "INTERVAL HOUR", "INTERVAL HOUR TO MINUTE", "INTERVAL HOUR TO SECOND"},
         {NULL, NULL, "INTERVAL MINUTE", "INTERVAL MINUTE TO SECOND"},
         {NULL, NULL, NULL, "INTERVAL SECOND"}},
    };
    if (from < 0 || to > CM_DT_SECOND || from > to)
        return NULL;
    return names[upper][from][to];
}

const char *cm_ym_type_name(int from, int to, bool upper)
{
    static const char *const names[2][2][2] = {
        {{"interval year", "interval year to month"}, {NULL, "interval month"}},
        {{"INTERVAL YEAR", "INTERVAL YEAR TO MONTH"}, {NULL, "INTERVAL MONTH"}},
    };
    if (from < 0 || to > CM_YM_MONTH || from > to)
        return NULL;
    return names[upper][from][to];
}

/* ==== Formatting ==== */

/* The seconds of rest µs as toDayTimeIntervalString writes them: a leading 0 under 10, then
   BigDecimal.valueOf(rest, 6).stripTrailingZeros.toPlainString. */
static size_t put_seconds(uint64_t rest, char *o)
{
    uint64_t secs = rest / US_PER_SECOND, frac = rest % US_PER_SECOND;
    int k =
        snprintf(o, 32, "%s%llu", rest < 10 * US_PER_SECOND ? "0" : "", (unsigned long long)secs);
    if (frac) {
        char digits[8];
        snprintf(digits, sizeof digits, "%06llu", (unsigned long long)frac);
        int nd = 6;
        while (digits[nd - 1] == '0')
            nd--;
        k += snprintf(o + k, 16, ".%.*s", nd, digits);
    }
    return (size_t)k;
}

/* IntervalUtils.toDayTimeIntervalString, ANSI_STYLE.  Long.MinValue, which Spark writes from a
   constant because its negation overflows, comes out the same from the unsigned magnitude. */
size_t cm_dti_format(int64_t us, int from, int to, char *out)
{
    static const int64_t unit_us[] = {US_PER_DAY, US_PER_HOUR, US_PER_MINUTE, US_PER_SECOND};
    uint64_t rest = us < 0 ? (uint64_t)0 - (uint64_t)us : (uint64_t)us;
    size_t k = (size_t)snprintf(out, CM_IV_TEXT_MAX, "%s", us < 0 ? "INTERVAL '-" : "INTERVAL '");
    for (int f = from; f <= to; f++) {
        if (f > from)
            out[k++] = f == CM_DT_HOUR ? ' ' : ':';
        if (f == CM_DT_SECOND) {
            k += put_seconds(rest, out + k);
            break;
        }
        uint64_t v = rest / (uint64_t)unit_us[f];
        rest %= (uint64_t)unit_us[f];
        k += (size_t)snprintf(out + k, 24, f == CM_DT_DAY ? "%llu" : "%02llu",
                              (unsigned long long)v);
    }
    if (to == from)
        k += (size_t)snprintf(out + k, 16, "' %s", dt_upper[from]);
    else
        k += (size_t)snprintf(out + k, 24, "' %s TO %s", dt_upper[from], dt_upper[to]);
    return k;
}

/* IntervalUtils.toYearMonthIntervalString, ANSI_STYLE: a single MONTH field is the signed
   months; otherwise the magnitude's years (and months) after the sign. */
size_t cm_ymi_format(int32_t months, int from, int to, char *out)
{
    uint64_t m = months < 0 ? (uint64_t)0 - (uint64_t)(int64_t)months : (uint64_t)months;
    const char *sign = months < 0 ? "-" : "";
    int k;
    if (from != to)
        k = snprintf(out, CM_IV_TEXT_MAX, "INTERVAL '%s%llu-%llu' YEAR TO MONTH", sign,
                     (unsigned long long)(m / 12), (unsigned long long)(m % 12));
    else if (from == CM_YM_YEAR)
        k = snprintf(out, CM_IV_TEXT_MAX, "INTERVAL '%s%llu' YEAR", sign,
                     (unsigned long long)(m / 12));
    else
        k = snprintf(out, CM_IV_TEXT_MAX, "INTERVAL '%d' MONTH", months);
    return (size_t)k;
}

/* ==== Parsing (castStringToDTInterval, castStringToYMInterval) ==== */

/* The text being matched, as Java's regular expressions see it. */
typedef struct Scan {
    const char *p, *e;
} Scan;

/* java.util.regex's \s: [ \t\n\x0B\f\r]. */
static bool re_space(char c)
{
    return c == ' ' || (c >= '\t' && c <= '\r');
}

/* [+|-]? : the sign character, or 0. */
static char scan_sign(Scan *s)
{
    if (s->p < s->e && (*s->p == '+' || *s->p == '|' || *s->p == '-'))
        return *s->p++;
    return 0;
}

/* \d{lo,hi}: a run of digits, greedy; false if its length is out of [lo, hi]. */
static bool scan_digits(Scan *s, int lo, int hi, const char **b, int *n)
{
    *b = s->p;
    while (s->p < s->e && *s->p >= '0' && *s->p <= '9')
        s->p++;
    *n = (int)(s->p - *b);
    return *n >= lo && *n <= hi;
}

static bool scan_char(Scan *s, char c)
{
    if (s->p < s->e && *s->p == c) {
        s->p++;
        return true;
    }
    return false;
}

/* A case-insensitive word. */
static bool scan_word(Scan *s, const char *w)
{
    size_t n = strlen(w);
    if ((size_t)(s->e - s->p) < n)
        return false;
    for (size_t i = 0; i < n; i++) {
        char c = s->p[i];
        if ((c >= 'a' && c <= 'z' ? (char)(c - 32) : c) != w[i])
            return false;
    }
    s->p += n;
    return true;
}

static bool scan_spaces(Scan *s)
{
    const char *b = s->p;
    while (s->p < s->e && re_space(*s->p))
        s->p++;
    return s->p > b;
}

/* finalSign: two '-' cancel, one makes -1. */
static int final_sign(char a, char b)
{
    return (a == '-') != (b == '-') ? -1 : 1;
}

/* s.toLong of a run of digits; false past Long.MaxValue (NumberFormatException). */
static bool digits_value(const char *b, int n, int64_t *v)
{
    uint64_t x = 0;
    *v = 0;
    for (int i = 0; i < n; i++) {
        if (x > (uint64_t)(INT64_MAX - 9) / 10 + 1)
            return false;
        x = x * 10 + (uint64_t)(b[i] - '0');
        if (x > (uint64_t)INT64_MAX)
            return false;
    }
    *v = (int64_t)x;
    return true;
}

/* toLongWithRange(field, s, lo, hi): the requirement's message when out of range. */
static bool in_range(CmIvCastErr *err, const char *field, int64_t v, int64_t lo, int64_t hi)
{
    if (v >= lo && v <= hi)
        return true;
    err->kind = CM_IVC_RANGE;
    snprintf(err->detail, sizeof err->detail,
             "requirement failed: %s %lld outside range [%lld, %lld]", field, (long long)v,
             (long long)lo, (long long)hi);
    return false;
}

/* A digit run's value within [lo, hi] for toLongWithRange (runs of a bounded length fit a
   long). */
static bool field_value(CmIvCastErr *err, const char *field, const char *b, int n, int64_t lo,
                        int64_t hi, int64_t *v)
{
    digits_value(b, n, v);
    return in_range(err, field, *v, lo, hi);
}

/* parseNanos: up to 9 digits, padded to 9, truncated to µs. */
static int64_t nanos_us(const char *b, int n)
{
    int64_t ns = 0;
    for (int i = 0; i < 9; i++)
        ns = ns * 10 + (i < n ? b[i] - '0' : 0);
    return ns / 1000;
}

/* parseSecondNano of [-]seconds[.nanos]: seconds within [-MAX_SECOND, MAX_SECOND]; the
   fraction takes the sign of the seconds, so "-0.5" is +0.5 s (seconds < 0 is false for -0),
   as in Spark. */
static bool second_nano(CmIvCastErr *err, bool neg, const char *sb, int sn, const char *fb, int fn,
                        int64_t *out)
{
    int64_t secs;
    if (!digits_value(sb, sn, &secs))
        secs = INT64_MAX;
    if (neg)
        secs = -secs;
    if (!in_range(err, "second", secs, -MAX_SECOND, MAX_SECOND))
        return false;
    int64_t us = secs * US_PER_SECOND, frac = fb ? nanos_us(fb, fn) : 0;
    *out = us + (secs < 0 ? -frac : frac);
    return true;
}

/* The fields of a from-to form: up to four digit runs and a fraction. */
typedef struct DtParts {
    const char *b[4];
    int n[4];
    const char *frac;
    int frac_n;
} DtParts;

/* The body of the from-to pattern (daySecondPatternString etc. without its sign): the first
   field of 1 to 9 (day), 10 (hour) or 12 (minute) digits, the others 1 or 2, ' ' before an
   hour and ':' before a minute or second, an optional .n (1 to 9 digits) on seconds. */
static bool scan_dt_body(Scan *s, int from, int to, DtParts *d)
{
    static const int first_max[] = {9, 10, 12};
    for (int f = from; f <= to; f++) {
        if (f > from && !scan_char(s, f == CM_DT_HOUR ? ' ' : ':'))
            return false;
        if (!scan_digits(s, 1, f == from ? first_max[from] : 2, &d->b[f], &d->n[f]))
            return false;
    }
    d->frac = NULL;
    if (to == CM_DT_SECOND && s->p < s->e && *s->p == '.') {
        s->p++;
        if (!scan_digits(s, 1, 9, &d->frac, &d->frac_n))
            return false;
    }
    return true;
}

/* `INTERVAL\s+[+|-]?'` ... `'\s+UNITS` around a body; *sign1 the sign before the quote. */
static bool scan_literal_open(Scan *s, char *sign1)
{
    if (!scan_word(s, "INTERVAL") || !scan_spaces(s))
        return false;
    *sign1 = scan_sign(s);
    return scan_char(s, '\'');
}

static bool scan_units_end(Scan *s, const char *const *names, int from, int to)
{
    if (!scan_char(s, '\'') || !scan_spaces(s) || !scan_word(s, names[from]))
        return false;
    if (to != from &&
        (!scan_spaces(s) || !scan_word(s, "TO") || !scan_spaces(s) || !scan_word(s, names[to])))
        return false;
    return s->p == s->e;
}

/* toDTInterval of the parts: the first field up to its limit, hours to 23, minutes and seconds
   to 59, Math.addExact of each field times its sign ("long overflow"); not wrapped. */
static bool dt_total(CmIvCastErr *err, const DtParts *d, int from, int to, int sign, int64_t *out)
{
    static const char *const names[] = {"day", "hour", "minute"};
    static const int64_t first_hi[] = {MAX_DAY, MAX_HOUR, MAX_MINUTE};
    static const int64_t next_hi[] = {0, 23, 59};
    static const int64_t unit_us[] = {US_PER_DAY, US_PER_HOUR, US_PER_MINUTE};
    int64_t total = 0, v;
    for (int f = from; f < CM_DT_SECOND; f++) {
        if (f <= to && !field_value(err, names[f], d->b[f], d->n[f], 0,
                                    f == from ? first_hi[f] : next_hi[f], &v))
            return false;
        if (f > to)
            v = 0;
        if (__builtin_add_overflow(total, sign * v * unit_us[f], &total)) {
            err->kind = CM_IVC_OVERFLOW;
            return false;
        }
    }
    int64_t secs = 0;
    if (to == CM_DT_SECOND) {
        if (from == CM_DT_SECOND)
            return false; /* not a from-to form */
        if (!field_value(err, "second", d->b[CM_DT_SECOND], d->n[CM_DT_SECOND], -MAX_SECOND,
                         MAX_SECOND, &secs))
            return false;
        secs = secs * US_PER_SECOND + (d->frac ? nanos_us(d->frac, d->frac_n) : 0);
    }
    if (__builtin_add_overflow(total, sign * secs, &total)) {
        err->kind = CM_IVC_OVERFLOW;
        return false;
    }
    *out = total;
    return true;
}

/* dayTimeIndividualRegex or its literal: [+|-]?\d{1,13}(\.\d{1,9})? for a single-field
   target; safeToInterval wraps every failure.  sign * value * unit wraps around as Scala's
   Long arithmetic does (CAST('999999999' AS INTERVAL DAY)). */
static bool dt_single(CmIvCastErr *err, int from, int to, int sign, const char *vb, int vn,
                      const char *fb, int fn, bool literal, int unit, int64_t *out)
{
    static const int max_digits[] = {9, 10, 12, 13};
    static const int64_t unit_us[] = {US_PER_DAY, US_PER_HOUR, US_PER_MINUTE, US_PER_SECOND};
    int f = literal ? unit : from;
    bool ok = from == to && f == from && vn <= max_digits[f] && (fb == NULL || f == CM_DT_SECOND);
    if (!ok) {
        err->kind = CM_IVC_FORMAT_WRAPPED;
        return false;
    }
    if (f == CM_DT_SECOND) {
        if (!second_nano(err, sign < 0, vb, vn, fb, fn, out)) {
            err->kind = CM_IVC_RANGE_WRAPPED;
            return false;
        }
        return true;
    }
    int64_t v;
    digits_value(vb, vn, &v);
    *out = (int64_t)((uint64_t)(sign * v) * (uint64_t)unit_us[f]);
    return true;
}

/* [+|-]?\d{1,13}(\.\d{1,9})?$ from s: the sign, the value and the fraction. */
static bool scan_single(Scan *s, char *sign, const char **vb, int *vn, const char **fb, int *fn)
{
    *sign = scan_sign(s);
    if (!scan_digits(s, 1, 13, vb, vn))
        return false;
    *fb = NULL;
    if (scan_char(s, '.') && !scan_digits(s, 1, 9, fb, fn))
        return false;
    return true;
}

/* UTF8String.trimAll: the bytes <= ' ' at either end dropped. */
static void trim_all(const char **s, size_t *n)
{
    while (*n && (unsigned char)**s <= ' ')
        (*s)++, (*n)--;
    while (*n && (unsigned char)(*s)[*n - 1] <= ' ')
        (*n)--;
}

bool cm_dti_parse(const char *str, size_t n, int from, int to, int64_t *out, CmIvCastErr *err)
{
    err->kind = CM_IVC_OK;
    err->detail[0] = '\0';
    trim_all(&str, &n);
    DtParts d;
    char s1, s2;
    if (from != to) { /* the from-to forms, bare then as a literal */
        Scan s = {str, str + n};
        s1 = scan_sign(&s);
        if (scan_dt_body(&s, from, to, &d) && s.p == s.e)
            return dt_total(err, &d, from, to, final_sign(s1, 0), out);
        s = (Scan){str, str + n};
        if (scan_literal_open(&s, &s1)) {
            s2 = scan_sign(&s);
            if (scan_dt_body(&s, from, to, &d) && scan_units_end(&s, dt_upper, from, to))
                return dt_total(err, &d, from, to, final_sign(s1, s2), out);
        }
    }
    const char *vb, *fb;
    int vn, fn = 0;
    Scan s = {str, str + n};
    if (scan_single(&s, &s1, &vb, &vn, &fb, &fn) && s.p == s.e)
        return dt_single(err, from, to, final_sign(s1, 0), vb, vn, fb, fn, false, 0, out);
    s = (Scan){str, str + n};
    if (scan_literal_open(&s, &s1) && scan_single(&s, &s2, &vb, &vn, &fb, &fn) &&
        scan_char(&s, '\'') && scan_spaces(&s)) {
        for (int u = CM_DT_DAY; u <= CM_DT_SECOND; u++) {
            Scan t = s;
            if (scan_word(&t, dt_upper[u]) && t.p == t.e)
                return dt_single(err, from, to, final_sign(s1, s2), vb, vn, fb, fn, true, u, out);
        }
    }
    err->kind = CM_IVC_FORMAT;
    return false;
}

/* toYMInterval: years up to Int.MaxValue / 12, months to 11, wrapped by safeToInterval. */
static bool ym_total(CmIvCastErr *err, const char *yb, int yn, const char *mb, int mn, int sign,
                     int32_t *out)
{
    int64_t y, m;
    bool y_ok = digits_value(yb, yn, &y);
    if (!y_ok || !digits_value(mb, mn, &m)) { /* Long.parseLong's NumberFormatException */
        const char *b = y_ok ? mb : yb;
        int k = y_ok ? mn : yn;
        err->kind = CM_IVC_RANGE_WRAPPED;
        snprintf(err->detail, sizeof err->detail, "For input string: \"%.*s\"", k > 60 ? 60 : k, b);
        return false;
    }
    if (!in_range(err, "year", y, 0, INT32_MAX / 12) || !in_range(err, "month", m, 0, 11)) {
        err->kind = CM_IVC_RANGE_WRAPPED;
        return false;
    }
    *out = (int32_t)(sign * (y * 12 + m));
    return true;
}

/* yearMonthIndividualRegex or its literal: Math.toIntExact of value * 12 (YEAR) or of
   sign * value (MONTH), wrapped. */
static bool ym_single(CmIvCastErr *err, int from, int to, int sign, const char *vb, int vn,
                      int unit, int32_t *out)
{
    int64_t v;
    bool year =
        unit < 0 ? to == CM_YM_YEAR : (unit == CM_YM_YEAR && from == to && from == CM_YM_YEAR);
    bool month =
        unit < 0 ? from == CM_YM_MONTH : (unit == CM_YM_MONTH && from == to && from == CM_YM_MONTH);
    if (!year && !month) {
        err->kind = CM_IVC_FORMAT_WRAPPED;
        return false;
    }
    if (!digits_value(vb, vn, &v)) {
        err->kind = CM_IVC_RANGE_WRAPPED;
        snprintf(err->detail, sizeof err->detail, "For input string: \"%.*s\"", vn > 40 ? 40 : vn,
                 vb);
        return false;
    }
    int64_t r;
    if (year ? __builtin_mul_overflow(v, 12, &r) || r > INT32_MAX
             : (r = sign * v) > INT32_MAX || r < INT32_MIN) {
        err->kind = CM_IVC_INT_OVERFLOW;
        return false;
    }
    *out = (int32_t)(year ? sign * r : r);
    return true;
}

bool cm_ymi_parse(const char *str, size_t n, int from, int to, int32_t *out, CmIvCastErr *err)
{
    err->kind = CM_IVC_OK;
    err->detail[0] = '\0';
    trim_all(&str, &n);
    const char *yb, *mb;
    int yn, mn;
    char s1, s2;
    if (from == CM_YM_YEAR && to == CM_YM_MONTH) {
        Scan s = {str, str + n};
        s1 = scan_sign(&s);
        if (scan_digits(&s, 1, 1 << 30, &yb, &yn) && scan_char(&s, '-') &&
            scan_digits(&s, 1, 1 << 30, &mb, &mn) && s.p == s.e)
            return ym_total(err, yb, yn, mb, mn, final_sign(s1, 0), out);
        s = (Scan){str, str + n};
        if (scan_literal_open(&s, &s1)) {
            s2 = scan_sign(&s);
            if (scan_digits(&s, 1, 1 << 30, &yb, &yn) && scan_char(&s, '-') &&
                scan_digits(&s, 1, 1 << 30, &mb, &mn) && scan_units_end(&s, ym_upper, from, to))
                return ym_total(err, yb, yn, mb, mn, final_sign(s1, s2), out);
        }
    }
    Scan s = {str, str + n};
    s1 = scan_sign(&s);
    if (scan_digits(&s, 1, 1 << 30, &yb, &yn) && s.p == s.e)
        return ym_single(err, from, to, final_sign(s1, 0), yb, yn, -1, out);
    s = (Scan){str, str + n};
    if (scan_literal_open(&s, &s1)) {
        s2 = scan_sign(&s);
        if (scan_digits(&s, 1, 1 << 30, &yb, &yn) && scan_char(&s, '\'') && scan_spaces(&s))
            for (int u = CM_YM_YEAR; u <= CM_YM_MONTH; u++) {
                Scan t = s;
                if (scan_word(&t, ym_upper[u]) && t.p == t.e)
                    return ym_single(err, from, to, final_sign(s1, s2), yb, yn, u, out);
            }
    }
    err->kind = CM_IVC_FORMAT;
    return false;
}

/* IntervalUtils.supportedFormat of the target, as throwIllegalIntervalFormatException lists it. */
static void put_formats(bool dt, int from, int to, char *o, size_t cap)
{
    static const char *const dt_fmt[4][4] = {
        {"[+|-]d", "[+|-]d h", "[+|-]d h:m", "[+|-]d h:m:s.n"},
        {NULL, "[+|-]h", "[+|-]h:m", "[+|-]h:m:s.n"},
        {NULL, NULL, "[+|-]m", "[+|-]m:s.n"},
        {NULL, NULL, NULL, "[+|-]s.n"},
    };
    static const char *const ym_fmt[2][2] = {{"[+|-]y", "[+|-]y-m"}, {NULL, "[+|-]m"}};
    const char *f = dt ? dt_fmt[from][to] : ym_fmt[from][to];
    const char *const *names = dt ? dt_upper : ym_upper;
    if (from == to)
        snprintf(o, cap, "`%s`, `INTERVAL [+|-]'%s' %s`", f, f, names[from]);
    else
        snprintf(o, cap, "`%s`, `INTERVAL [+|-]'%s' %s TO %s`", f, f, names[from], names[to]);
}

size_t cm_iv_cast_message(const CmIvCastErr *err, bool dt, int from, int to, const char *s,
                          size_t n, char *out, size_t cap)
{
    const char *kind = dt ? "day-time" : "year-month";
    char wrap[48] = "";
    if (err->kind == CM_IVC_FORMAT_WRAPPED || err->kind == CM_IVC_RANGE_WRAPPED ||
        err->kind == CM_IVC_INT_OVERFLOW)
        snprintf(wrap, sizeof wrap, "Error parsing interval %s string: ", kind);
    int k;
    if (err->kind == CM_IVC_FORMAT || err->kind == CM_IVC_FORMAT_WRAPPED) {
        char formats[160];
        put_formats(dt, from, to, formats, sizeof formats);
        const char *tn = dt ? cm_dt_type_name(from, to, false) : cm_ym_type_name(from, to, false);
        const char *notice = dt ? ", set spark.sql.legacy.fromDayTimeString.enabled to true to "
                                  "restore the behavior before Spark 3.0."
                                : "";
        size_t room = cap > 512 ? cap - 512 : 0;
        k = snprintf(out, cap,
                     "%sInterval string does not match %s format of %s when cast to %s: %.*s%s",
                     wrap, kind, formats, tn, (int)(n < room ? n : room), s, notice);
    } else if (err->kind == CM_IVC_OVERFLOW) {
        k = snprintf(out, cap, "long overflow");
    } else if (err->kind == CM_IVC_INT_OVERFLOW) {
        k = snprintf(out, cap, "%sinteger overflow", wrap);
    } else {
        k = snprintf(out, cap, "%s%s", wrap, err->detail);
    }
    return k < 0 ? 0 : (size_t)k < cap ? (size_t)k : cap - 1;
}
