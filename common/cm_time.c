/* cm_time.c - the calendar, zone ids and Spark's string -> timestamp/date parsing (cm_time.h). */
#include "common/cm_time.h"

#include <string.h>
#include <strings.h>

/* Java's LocalDate.of validity (the year range is wider than any input here). */
static bool valid_date(int64_t y, int64_t m, int64_t d)
{
    return m >= 1 && m <= 12 && d >= 1 && d <= cm_days_in_month(y, (int)m);
}

/* ==== Zone ids ==== */

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* Java's ZoneOffset.of: +h, +hh, +hhmm, +hh:mm, +hhmmss, +hh:mm:ss (and "Z"); hours at
   most 18, minutes and seconds at most 59, nothing beyond 18:00. */
static bool zone_offset_of(const char *s, size_t n, int32_t *off_s)
{
    if (n == 1 && s[0] == 'Z') {
        *off_s = 0;
        return true;
    }
    char b[9];
    if (n == 2) { /* "+h" is read as "+0h" */
        b[0] = s[0];
        b[1] = '0';
        b[2] = s[1];
        s = b;
        n = 3;
    }
    /* The positions of hours, minutes and seconds and whether a ':' precedes each. */
    int hpos = 1, mpos = -1, spos = -1;
    bool colon = false;
    switch (n) {
    case 3: break;
    case 5: mpos = 3; break;
    case 6: mpos = 4, colon = true; break;
    case 7: mpos = 3, spos = 5; break;
    case 9: mpos = 4, spos = 7, colon = true; break;
    default: return false;
    }
    int v[3] = {0, 0, 0};
    const int pos[3] = {hpos, mpos, spos};
    for (int k = 0; k < 3; k++) {
        if (pos[k] < 0)
            continue;
        const char *p = s + pos[k];
        if (k > 0 && colon && p[-1] != ':')
            return false;
        if (!is_digit(p[0]) || !is_digit(p[1]))
            return false;
        v[k] = (p[0] - '0') * 10 + (p[1] - '0');
    }
    if (s[0] != '+' && s[0] != '-')
        return false;
    /* ZoneOffset.ofHoursMinutesSeconds' validation. */
    if (v[0] > 18 || v[1] > 59 || v[2] > 59 || (v[0] == 18 && (v[1] | v[2]) != 0))
        return false;
    int32_t off = v[0] * 3600 + v[1] * 60 + v[2];
    *off_s = s[0] == '-' ? -off : off;
    return true;
}

/* The tz database ids with one offset for all time that Java's ZoneRegion knows. */
static bool zone_region(const char *s, size_t n, int32_t *off_s)
{
    static const char *const utc[] = {"Etc/GMT",       "Etc/GMT+0", "Etc/GMT-0", "Etc/GMT0",
                                      "Etc/Greenwich", "Etc/UCT",   "Etc/UTC",   "Etc/Universal",
                                      "Etc/Zulu",      "GMT0",      "Greenwich", "UCT",
                                      "Universal",     "Zulu"};
    for (size_t i = 0; i < sizeof utc / sizeof utc[0]; i++)
        if (strlen(utc[i]) == n && memcmp(utc[i], s, n) == 0) {
            *off_s = 0;
            return true;
        }
    /* Etc/GMT+h is h hours west (POSIX sign): Etc/GMT+1 .. +12, Etc/GMT-1 .. -14. */
    if (n >= 9 && n <= 10 && memcmp(s, "Etc/GMT", 7) == 0 && (s[7] == '+' || s[7] == '-') &&
        is_digit(s[8]) && s[8] != '0' && (n == 9 || is_digit(s[9]))) {
        int h = n == 9 ? s[8] - '0' : (s[8] - '0') * 10 + (s[9] - '0');
        if (h > (s[7] == '+' ? 12 : 14))
            return false;
        *off_s = (s[7] == '+' ? -h : h) * 3600;
        return true;
    }
    return false;
}

/* ZoneId.of's prefix form: UTC, GMT or UT alone or followed by an offset. */
static bool zone_with_prefix(const char *s, size_t n, size_t plen, int32_t *off_s)
{
    if (n == plen) {
        *off_s = 0;
        return true;
    }
    if (s[plen] != '+' && s[plen] != '-')
        return zone_region(s, n, off_s);
    return zone_offset_of(s + plen, n - plen, off_s);
}

bool cm_zone_spark_id(const char *s, size_t n, char *out, size_t cap, size_t *out_n)
{
    if (n + 2 > cap)
        return false;
    memcpy(out, s, n);
    char *b = out;
    /* replaceFirst("(\\+|\\-)(\\d):", "$10$2:") */
    for (size_t k = 0; k + 2 < n; k++) {
        if ((b[k] == '+' || b[k] == '-') && is_digit(b[k + 1]) && b[k + 2] == ':') {
            memmove(b + k + 2, b + k + 1, n - k - 1);
            b[k + 1] = '0';
            n++;
            break;
        }
    }
    /* replaceFirst("(\\+|\\-)(\\d\\d):(\\d)$", "$1$2:0$3") */
    if (n >= 5 && (b[n - 5] == '+' || b[n - 5] == '-') && is_digit(b[n - 4]) &&
        is_digit(b[n - 3]) && b[n - 2] == ':' && is_digit(b[n - 1])) {
        b[n] = b[n - 1];
        b[n - 1] = '0';
        n++;
    }
    *out_n = n;
    return true;
}

bool cm_zone_offset(const char *s, size_t n, int32_t *off_s)
{
    char b[40];
    if (!cm_zone_spark_id(s, n, b, sizeof b, &n))
        return false;
    s = b;
    /* ZoneId.SHORT_IDS: the fixed ones; the others name regions. */
    if (n == 3 && (memcmp(s, "EST", 3) == 0 || memcmp(s, "MST", 3) == 0 ||
                   memcmp(s, "HST", 3) == 0)) {
        *off_s = s[0] == 'E' ? -5 * 3600 : s[0] == 'M' ? -7 * 3600 : -10 * 3600;
        return true;
    }
    /* ZoneId.of. */
    if (n <= 1 || s[0] == '+' || s[0] == '-')
        return zone_offset_of(s, n, off_s);
    if (n >= 3 && (memcmp(s, "UTC", 3) == 0 || memcmp(s, "GMT", 3) == 0))
        return zone_with_prefix(s, n, 3, off_s);
    if (n >= 2 && memcmp(s, "UT", 2) == 0)
        return zone_with_prefix(s, n, 2, off_s);
    return zone_region(s, n, off_s);
}

/* ==== Timestamps and dates ==== */

/* UTF8String's isWhitespaceOrISOControl on one byte, as getTrimmedStart/End use it. */
static bool trim_byte(char c)
{
    unsigned char u = (unsigned char)c;
    return u <= ' ' || u == 0x7f;
}

/* Whether a segment of parseTimestampString may have `digits` digits: the year 4 to 6,
   the fraction any number (digits beyond 6 are dropped), the others 1 or 2. */
static bool ts_valid_digits(int seg, int digits)
{
    return seg == 6 || (seg == 0 && digits >= 4 && digits <= 6) || (seg == 7 && digits <= 2) ||
           (seg != 0 && seg != 6 && seg != 7 && digits > 0 && digits <= 2);
}

/*
** SparkDateTimeUtils.parseTimestampString followed by stringToTimestamp, step for step:
** segments 0..6 are year, month, day, hour, minute, second, microseconds; a zone starts
** at the first byte after the seconds (or fraction) that is not part of them.
*/
/* The usual shape, yyyy-MM-dd then ' ' or 'T' then HH:mm:ss, an optional fraction and an
   optional 'Z', with nothing around it: the value the general path below gives, without its
   state machine per byte (about 600 instructions for a CSV timestamp).  False for anything
   else, a date or time out of range included: the general path decides those. */
static bool ts_canonical(const char *s, size_t n, int64_t *out_us)
{
    if (n < 19 || s[4] != '-' || s[7] != '-' || (s[10] != ' ' && s[10] != 'T') || s[13] != ':' ||
        s[16] != ':')
        return false;
    static const unsigned char at[14] = {0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18};
    int d[14];
    for (int k = 0; k < 14; k++) {
        unsigned v = (unsigned)(unsigned char)s[at[k]] - '0';
        if (v > 9)
            return false;
        d[k] = (int)v;
    }
    int64_t year = d[0] * 1000 + d[1] * 100 + d[2] * 10 + d[3];
    int mon = d[4] * 10 + d[5], day = d[6] * 10 + d[7];
    int hh = d[8] * 10 + d[9], mm = d[10] * 10 + d[11], ss = d[12] * 10 + d[13];
    size_t i = 19;
    int64_t frac = 0;
    if (i < n && s[i] == '.') { /* the first 6 digits, as microseconds */
        int fd = 0;
        for (i++; i < n && is_digit(s[i]); i++, fd++)
            if (fd < 6)
                frac = frac * 10 + (s[i] - '0');
        for (; fd < 6; fd++)
            frac *= 10;
    }
    if (i < n && !(i + 1 == n && s[i] == 'Z'))
        return false;
    if (hh > 23 || mm > 59 || ss > 59 || !valid_date(year, mon, day))
        return false;
    *out_us = (cm_days_from_civil(year, mon, day) * 86400 + hh * 3600 + mm * 60 + ss) * CM_US_PER_SECOND + frac;
    return true;
}

int cm_ts_parse(const char *s, size_t n, int64_t now_us, int64_t *out_us)
{
    return cm_ts_parse_zoned(s, n, now_us, NULL, out_us);
}

/* What ts_parse does with a zone: applies it (stringToTimestamp), refuses it
   (stringToTimestampWithoutTimeZone(s, allowTimeZone = false)) or reads and drops it
   (allowTimeZone = true: the zone must still be one getZoneId knows). */
typedef enum TsZones { TS_ZONE_APPLY, TS_ZONE_REFUSE, TS_ZONE_DROP } TsZones;

/* cm_ts_parse_zoned, or without TS_ZONE_APPLY stringToTimestampWithoutTimeZone: a time alone
   makes it no timestamp, and so does a zone with TS_ZONE_REFUSE. */
static int ts_parse(const char *s, size_t n, int64_t now_us, CmZoneLocal region, TsZones zones,
                    int64_t *out_us)
{
    if ((zones != TS_ZONE_REFUSE || (n > 0 && s[n - 1] != 'Z')) && ts_canonical(s, n, out_us))
        return 0; /* no zone, or Z */
    const char *p = s, *e = s + n;
    while (p < e && trim_byte(*p))
        p++;
    while (e > p && trim_byte(e[-1]))
        e--;
    if (p == e)
        return -1;
    int64_t seg[9] = {1, 1, 1, 0, 0, 0, 0, 0, 0};
    int i = 0, digits = 0, digits_milli = 0;
    int64_t value = 0;
    bool just_time = false;
    int year_sign = 0;
    const char *zone = NULL;
    if (*p == '-' || *p == '+') {
        year_sign = *p == '-' ? -1 : 1;
        p++;
    }
    for (; p < e; p++) {
        char b = *p;
        if (!is_digit(b)) {
            if (p == s && b == 'T') {
                just_time = true;
                i += 3;
            } else if (i < 2) {
                if (b == '-') {
                    if (!ts_valid_digits(i, digits))
                        return -1;
                    seg[i++] = value;
                } else if (i == 0 && b == ':' && year_sign == 0) {
                    just_time = true;
                    if (!ts_valid_digits(3, digits))
                        return -1;
                    seg[3] = value;
                    i = 4;
                } else {
                    return -1;
                }
            } else if (i == 2) {
                if (b != ' ' && b != 'T')
                    return -1;
                if (!ts_valid_digits(i, digits))
                    return -1;
                seg[i++] = value;
            } else if (i == 3 || i == 4) {
                if (b != ':' || !ts_valid_digits(i, digits))
                    return -1;
                seg[i++] = value;
            } else if (i == 5 || i == 6) {
                if (!ts_valid_digits(i, digits))
                    return -1;
                seg[i++] = value;
                if (!(b == '.' && i == 6)) { /* the rest is the zone */
                    zone = p;
                    p = e - 1;
                    if (i == 6)
                        i++;
                }
            } else {
                /* Not reached for a zone (it takes the rest); kept as Spark has it. */
                if (i >= 9 || (b != ':' && b != ' ') || !ts_valid_digits(i, digits))
                    return -1;
                seg[i++] = value;
            }
            value = 0;
            digits = 0;
        } else {
            if (i == 6)
                digits_milli++;
            /* The fraction keeps its first 6 digits; other segments stop growing once
               they are too long to be valid anyway. */
            if ((i != 6 || digits < 6) && digits < 10)
                value = value * 10 + (b - '0');
            digits++;
        }
    }
    if (!ts_valid_digits(i, digits))
        return -1;
    seg[i] = value;
    for (; digits_milli < 6; digits_milli++)
        seg[6] *= 10;

    int32_t off_s = 0;
    const char *zs = zone, *ze = e;
    bool by_region = false;
    if (just_time && zones != TS_ZONE_APPLY)
        return -1;
    if (zone) {
        if (zones == TS_ZONE_REFUSE)
            return -1;
        while (zs < ze && (unsigned char)*zs <= ' ') /* String.trim */
            zs++;
        if (!cm_zone_offset(zs, (size_t)(ze - zs), &off_s)) {
            if (!region)
                return -1;
            by_region = true;
        }
        if (zones == TS_ZONE_DROP) { /* getZoneId must know it; its offset is not used */
            if (by_region && !region(zs, (size_t)(ze - zs), true, 0, false, &off_s))
                return -1;
            off_s = 0;
            by_region = false;
        }
    }
    int64_t year = year_sign < 0 ? -seg[0] : seg[0];
    if (seg[3] > 23 || seg[4] > 59 || seg[5] > 59) /* LocalTime.of */
        return -1;
    int64_t days;
    if (just_time) {
        if (now_us == CM_TS_NO_DATE)
            return CM_TS_TIME_ONLY;
        int64_t now_s = cm_floordiv(now_us, CM_US_PER_SECOND);
        if (by_region && !region(zs, (size_t)(ze - zs), true, now_s, false, &off_s))
            return -1;
        days = cm_floordiv(now_s + off_s, 86400); /* LocalDate.now(zoneId) */
    } else {
        if (!valid_date(year, seg[1], seg[2]))
            return -1;
        days = cm_days_from_civil(year, (int)seg[1], (int)seg[2]);
    }
    /* ZonedDateTime.of(localDateTime, zoneId); a region's offset depends on the local time
       (a gap moves it later, an overlap takes the earlier offset: cm_tz_local_offset). */
    int64_t local = days * 86400 + seg[3] * 3600 + seg[4] * 60 + seg[5];
    if (by_region && !region(zs, (size_t)(ze - zs), false, local, seg[6] != 0, &off_s))
        return -1;
    /* Instant -> micros with Math.multiplyExact/addExact: out of range is no timestamp. */
    int64_t secs = local - off_s, us;
    if (__builtin_mul_overflow(secs, CM_US_PER_SECOND, &us) ||
        __builtin_add_overflow(us, seg[6], &us))
        return -1;
    *out_us = us;
    return 0;
}

int cm_ts_parse_zoned(const char *s, size_t n, int64_t now_us, CmZoneLocal region, int64_t *out_us)
{
    return ts_parse(s, n, now_us, region, TS_ZONE_APPLY, out_us);
}

int cm_ts_parse_ntz(const char *s, size_t n, int64_t *out_us)
{
    return ts_parse(s, n, 0, NULL, TS_ZONE_REFUSE, out_us);
}

int cm_ts_parse_ntz_cast(const char *s, size_t n, CmZoneLocal region, int64_t *out_us)
{
    return ts_parse(s, n, 0, region, TS_ZONE_DROP, out_us);
}

/* Spark's DateTimeUtils.stringToDate (DateTimeUtils.scala; CAST(s AS DATE), to_date(s)). */
int cm_date_parse(const char *s, size_t n, int64_t *out_days)
{
    /* Trimmed as getTrimmedStart/End: Character.isWhitespace or isISOControl of each
       (signed) byte, i.e. 0x00-0x20 and 0x7F. */
    size_t j = 0, e = n;
    while (j < e && ((unsigned char)s[j] <= ' ' || s[j] == 0x7F))
        j++;
    while (e > j && ((unsigned char)s[e - 1] <= ' ' || s[e - 1] == 0x7F))
        e--;
    if (j == e)
        return -1;
    int64_t seg[3] = {1, 1, 1}, sign = 1, v = 0;
    int i = 0, digits = 0;
    if (s[j] == '-' || s[j] == '+')
        sign = s[j++] == '-' ? -1 : 1;
    /* A year of 4 to 7 digits, month and day of 1 or 2. */
#define T_VALID_DIGITS(seg_i, k) ((seg_i) == 0 ? (k) >= 4 && (k) <= 7 : (k) > 0 && (k) <= 2)
    for (; j < e && i < 3 && s[j] != ' ' && s[j] != 'T'; j++) {
        if (i < 2 && s[j] == '-') {
            if (!T_VALID_DIGITS(i, digits))
                return -1;
            seg[i++] = v;
            v = 0;
            digits = 0;
        } else if (s[j] >= '0' && s[j] <= '9') {
            v = v * 10 + (s[j] - '0');
            if (++digits > 7)
                return -1;
        } else {
            return -1;
        }
    }
    if (!T_VALID_DIGITS(i, digits))
        return -1;
#undef T_VALID_DIGITS
    if (i < 2 && j < e) /* yyyy and yyyy-[m]m must be the whole text */
        return -1;
    seg[i] = v;
    /* LocalDate.of, then Math.toIntExact of the epoch day */
    if (seg[1] < 1 || seg[1] > 12 || seg[2] < 1 || seg[2] > cm_days_in_month(sign * seg[0], (int)seg[1]))
        return -1;
    int64_t days = cm_days_from_civil(sign * seg[0], (int)seg[1], (int)seg[2]);
    if (days < INT32_MIN || days > INT32_MAX)
        return -1;
    *out_days = days;
    return 0;
}

/* ==== Special values ('epoch', 'now', 'today', 'yesterday', 'tomorrow') ==== */

/* A line terminator of java.util.regex ('.' matches none): \n, \r, U+0085, U+2028, U+2029. */
static bool line_terminator_at(const char *s, size_t n, size_t i)
{
    const unsigned char *u = (const unsigned char *)s + i;
    if (u[0] == '\n' || u[0] == '\r')
        return true;
    if (u[0] == 0xc2 && i + 1 < n && u[1] == 0x85)
        return true;
    return u[0] == 0xe2 && i + 2 < n && u[1] == 0x80 && (u[2] == 0xa8 || u[2] == 0xa9);
}

/* getZoneId(z) does not throw. */
static bool zone_known(const char *z, size_t n, CmZoneLocal region)
{
    int32_t off;
    return cm_zone_offset(z, n, &off) || (region && region(z, n, true, 0, false, &off));
}

CmSpecial cm_special_datetime(const char *s, size_t n, CmZoneLocal region)
{
    static const char *const words[] = {"epoch", "now", "today", "yesterday", "tomorrow"};
    static const CmSpecial values[] = {CM_SPECIAL_EPOCH, CM_SPECIAL_NOW, CM_SPECIAL_TODAY,
                                       CM_SPECIAL_YESTERDAY, CM_SPECIAL_TOMORROW};
    while (n && (unsigned char)*s <= ' ') /* String.trim */
        s++, n--;
    while (n && (unsigned char)s[n - 1] <= ' ')
        n--;
    size_t w = 0;
    while (w < n && ((s[w] >= 'a' && s[w] <= 'z') || (s[w] >= 'A' && s[w] <= 'Z')))
        w++;
    CmSpecial v = CM_SPECIAL_NONE;
    for (size_t i = 0; w && i < sizeof words / sizeof *words; i++)
        if (strlen(words[i]) == w && strncasecmp(s, words[i], w) == 0)
            v = values[i];
    size_t z = w;
    while (z < n && (s[z] == ' ' || s[z] == '\t')) /* \p{Blank} */
        z++;
    for (size_t i = z; i < n; i++)
        if (line_terminator_at(s, n, i))
            return CM_SPECIAL_NONE;
    if (v == CM_SPECIAL_NONE || z == n) /* isValid: a value without a zone */
        return v;
    /* "now" must not have a zone; another's must be one getZoneId resolves */
    return v != CM_SPECIAL_NOW && zone_known(s + z, n - z, region) ? v : CM_SPECIAL_NONE;
}

int64_t cm_special_value(CmSpecial w, bool date, int64_t now_us)
{
    int64_t day = cm_floordiv(now_us, CM_US_PER_DAY);
    int64_t unit = date ? 1 : CM_US_PER_DAY;
    switch (w) {
    case CM_SPECIAL_NONE:
    case CM_SPECIAL_EPOCH:
        break;
    case CM_SPECIAL_NOW:
        return date ? day : now_us;
    case CM_SPECIAL_TODAY:
        return day * unit;
    case CM_SPECIAL_YESTERDAY:
        return (day - 1) * unit;
    case CM_SPECIAL_TOMORROW:
        return (day + 1) * unit;
    }
    return 0;
}
