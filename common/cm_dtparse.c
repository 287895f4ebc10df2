/* cm_dtparse.c - reading text with a Java DateTimeFormatter pattern as Spark 3.5's
** Iso8601TimestampFormatter and Iso8601DateFormatter parse (to_timestamp, to_date and
** unix_timestamp with a format, the readers' timestampFormat and dateFormat, and the CSV
** schema inference that tries those patterns): the runtime parses values with it, the
** compiler infers column types with it, so both read a pattern the same way.
*/
#include "common/cm_dtparse.h"

#include <stddef.h>
#include <string.h>

#include "common/cm_time.h"
#include "common/cm_tz.h"

static int dp_lower(int c)
{
    return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

/* Between min and max digits at s[*i]; the count, or -1 when fewer than min. */
static int dp_num(const char *s, uint32_t n, uint32_t *i, int min, int max, int64_t *v)
{
    int k = 0;
    int64_t x = 0;
    while (*i < n && k < max && s[*i] >= '0' && s[*i] <= '9') {
        x = x * 10 + (s[*i] - '0');
        (*i)++;
        k++;
    }
    *v = x;
    return k >= min ? k : -1;
}

/* appendValue(field) of one letter reads 1 to 19 digits (SignStyle.NORMAL): '0001' is a
   day 1 for 'd'; 18 here keeps the value in an int64_t, and a 19th digit makes the text
   longer than the pattern reads, NULL as the value's range makes it in Java. */
#define DP_ANY_WIDTH 18

/* The most digits of a number field of `count` letters: two letters exactly two
   (appendValue(field, 2)), one letter any (DP_ANY_WIDTH), `count` beside another number
   (adjacent value parsing). */
static int dp_width(int count, int adjacent)
{
    return adjacent ? count : count == 1 ? DP_ANY_WIDTH : 2;
}

/* A year of `count` letters but two (DateTimeFormatterBuilder.parseField: appendValue(YEAR,
   count, 19, count < 4 ? NORMAL : EXCEEDS_PAD)), read strictly as NumberPrinterParser.parse
   does: a '-' makes it negative (not -0); four or more letters take more digits than
   `count` only after a '+', which needs them ('12024' and '+2024' do not match 'yyyy',
   '+12024' is 12024); fewer letters refuse '+'. Adjacent to another number it has `count`
   digits. */
static int dp_year(const char *s, uint32_t n, uint32_t *i, int count, int adjacent, int64_t *year)
{
    int sign = 0;
    if (*i < n && (s[*i] == '+' || s[*i] == '-')) {
        if (s[*i] == '+' && count < 4)
            return -1;
        sign = s[*i] == '+' ? 1 : -1;
        (*i)++;
    }
    int max = adjacent || (count >= 4 && sign == 0) ? count : 9;
    int k = dp_num(s, n, i, count, max < count ? count : max, year);
    if (k < 0 || (sign > 0 && k <= count) || (sign < 0 && *year == 0))
        return -1;
    if (sign < 0)
        *year = -*year;
    return 0;
}

/* One of names (case-insensitive) at s[*i], full or as its first three letters: its index. */
static int dp_name(const char *s, uint32_t n, uint32_t *i, const char *const *names, int count,
                  int full)
{
    for (int k = 0; k < count; k++) {
        size_t len = full ? strlen(names[k]) : 3;
        if (*i + len > n)
            continue;
        size_t j = 0;
        while (j < len && dp_lower((unsigned char)s[*i + j]) == dp_lower((unsigned char)names[k][j]))
            j++;
        if (j == len) {
            *i += (uint32_t)len;
            return k;
        }
    }
    return -1;
}

/* A zone offset: Z, UTC, GMT, or [+-]HH[[:]MM]. */
static int dp_zone(const char *s, uint32_t n, uint32_t *i, int64_t *off_s)
{
    *off_s = 0;
    if (*i < n && (s[*i] == 'Z' || s[*i] == 'z')) {
        (*i)++;
        return 0;
    }
    if (*i + 3 <= n && (memcmp(s + *i, "UTC", 3) == 0 || memcmp(s + *i, "GMT", 3) == 0)) {
        *i += 3;
        if (*i >= n || (s[*i] != '+' && s[*i] != '-'))
            return 0;
    }
    if (*i >= n || (s[*i] != '+' && s[*i] != '-'))
        return -1;
    int neg = s[(*i)++] == '-';
    int64_t hh, mm = 0;
    if (dp_num(s, n, i, 1, 2, &hh) < 0)
        return -1;
    if (*i < n && s[*i] == ':')
        (*i)++;
    if (*i < n && s[*i] >= '0' && s[*i] <= '9' && dp_num(s, n, i, 2, 2, &mm) < 0)
        return -1;
    if (hh > 18 || mm > 59)
        return -1;
    *off_s = (hh * 3600 + mm * 60) * (neg ? -1 : 1);
    return 0;
}

/* OffsetIdPrinterParser "+HH:MM:ss" parsing strictly (Spark's formatters are): a sign, two
   digits of hours, ':' and two of minutes, optionally ':' and two of seconds; hours to 23
   (else DateTimeException) and a total of at most 18 hours (ZoneOffset.ofTotalSeconds). */
static int dp_offset_id(const char *s, uint32_t n, uint32_t *i, int64_t *off_s)
{
    uint32_t p = *i;
    if (p >= n || (s[p] != '+' && s[p] != '-'))
        return -1;
    int neg = s[p++] == '-';
    int64_t hh, mm, ss = 0;
    if (dp_num(s, n, &p, 2, 2, &hh) < 0 || p >= n || s[p++] != ':' || dp_num(s, n, &p, 2, 2, &mm) < 0)
        return -1;
    if (p + 3 <= n && s[p] == ':' && s[p + 1] >= '0' && s[p + 1] <= '9' && s[p + 2] >= '0' &&
        s[p + 2] <= '9') {
        p++;
        dp_num(s, n, &p, 2, 2, &ss);
    }
    int64_t total = hh * 3600 + mm * 60 + ss;
    if (hh > 23 || mm > 59 || ss > 59 || total > 18 * 3600)
        return -1;
    *off_s = neg ? -total : total;
    *i = p;
    return 0;
}

static int dp_upper(char c)
{
    return c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c;
}

/* DateTimeFormatterBuilder.ZoneIdPrinterParser.parse (pattern VV; z's ZoneTextPrinterParser
   reads the same ids, but not the zone names such as "PST" or "Pacific Standard Time"): an
   offset after '+' or '-' (dp_offset_id); "UTC", "UT" or "GMT" alone (also before '0' or 'Z')
   or before such an offset, "GMT0"; else the longest id of the tz database the text starts
   with (region: a region's rules into *rules, matched with its case as written);
   else "Z" (UTC).  The offset into *off_s. */
static int dp_zone_id(const char *s, uint32_t n, uint32_t *i, CmZoneRegion region, int64_t *off_s,
                      const int64_t **rules)
{
    uint32_t p = *i;
    *off_s = 0;
    *rules = NULL;
    if (p >= n)
        return -1;
    if (s[p] == '+' || s[p] == '-')
        return dp_offset_id(s, n, i, off_s);
    uint32_t pre = 0;
    if (p + 2 <= n && dp_upper(s[p]) == 'U' && dp_upper(s[p + 1]) == 'T') {
        pre = p + 3 <= n && dp_upper(s[p + 2]) == 'C' ? 3 : 2;
    } else if (p + 3 <= n && dp_upper(s[p]) == 'G' && dp_upper(s[p + 1]) == 'M' &&
               dp_upper(s[p + 2]) == 'T') {
        if (p + 4 <= n && s[p + 3] == '0') { /* ZoneId.of("GMT0") */
            *i = p + 4;
            return 0;
        }
        pre = 3;
    }
    if (pre) { /* parseOffsetBased: an offset that does not parse leaves the prefix alone */
        *i = p + pre;
        uint32_t q = *i;
        if (q < n && s[q] != '0' && dp_upper(s[q]) != 'Z' && dp_offset_id(s, n, &q, off_s) == 0)
            *i = q;
        return 0;
    }
    uint32_t end = p;
    while (end < n && end - p < 40 && /* the longest tz id has 32 bytes */
           ((s[end] >= 'A' && s[end] <= 'Z') || (s[end] >= 'a' && s[end] <= 'z') ||
            (s[end] >= '0' && s[end] <= '9') || s[end] == '/' || s[end] == '_' || s[end] == '-' ||
            s[end] == '+'))
        end++;
    for (uint32_t e = end; e > p; e--) {
        int32_t off;
        if (region && region(s + p, e - p, &off, rules)) {
            *off_s = off;
            *i = e;
            return 0;
        }
    }
    if (dp_upper(s[p]) == 'Z') {
        *i = p + 1;
        return 0;
    }
    return -1;
}

static int dp_is_numeric_letter(char c)
{
    return c && strchr("yuMLdDHhkKmsS", c) != NULL;
}

/* The letter that starts the pattern token at fmt[j], or 0 when it is not a letter run. */
static char dp_next_letter(const char *fmt, uint32_t fn, uint32_t j)
{
    if (j < fn && ((fmt[j] >= 'a' && fmt[j] <= 'z') || (fmt[j] >= 'A' && fmt[j] <= 'Z')))
        return fmt[j];
    return 0;
}

/* s[0, n) read with pattern fmt: the local date and time in *local_s and *micros, the
   offset of the zone it names (0 without one) in *off_s; 0, or -1 when it does not match. */
int cm_dt_parse(const char *s, uint32_t n, const char *fmt, uint32_t fmt_n, CmZoneRegion region,
                int64_t *local_s_out, int64_t *micros_out, int64_t *off_out)
{
    static const char *const months[12] = {"January",   "February", "March",    "April",
                                           "May",       "June",     "July",     "August",
                                           "September", "October",  "November", "December"};
    static const char *const days[7] = {"Monday", "Tuesday",  "Wednesday", "Thursday",
                                        "Friday", "Saturday", "Sunday"};
    int64_t year = 1970, month = 1, day = 1, doy = -1, hour = -1, hour12 = -1, minute = 0,
            second = 0, micros = 0, off_s = 0, v;
    const int64_t *zone_rules = NULL; /* a region read by V or z */
    int ampm = -1, dow = -1, hour12_clock = 0;
    uint32_t i = 0, j = 0;
    while (j < fmt_n) {
        char c = fmt[j];
        if (dp_next_letter(fmt, fmt_n, j)) {
            int count = 1;
            while (j + (uint32_t)count < fmt_n && fmt[j + (uint32_t)count] == c)
                count++;
            j += (uint32_t)count;
            /* A variable-width number followed directly by another number keeps its
               minimum width (Java's adjacent value parsing). */
            int adjacent = dp_is_numeric_letter(dp_next_letter(fmt, fmt_n, j));
            switch (c) {
            case 'y':
            case 'u':
                if (count == 2) {
                    if (dp_num(s, n, &i, 2, 2, &v) < 0)
                        return -1;
                    year = 2000 + v;
                } else if (dp_year(s, n, &i, count, adjacent, &year) < 0) {
                    return -1;
                }
                break;
            case 'M':
            case 'L':
                if (count >= 3) {
                    int m = dp_name(s, n, &i, months, 12, count >= 4);
                    if (m < 0)
                        return -1;
                    month = m + 1;
                } else if (dp_num(s, n, &i, count, dp_width(count, adjacent), &month) < 0) {
                    return -1;
                }
                break;
            case 'd':
            case 'H':
            case 'h':
            case 'k':
            case 'K':
            case 'm':
            case 's':
                if (count > 2 || dp_num(s, n, &i, count, dp_width(count, adjacent), &v) < 0)
                    return -1;
                if (c == 'd')
                    day = v;
                else if (c == 'H')
                    hour = v;
                else if (c == 'k') {
                    if (v < 1 || v > 24)
                        return -1;
                    hour = v % 24;
                } else if (c == 'h' || c == 'K') {
                    if (c == 'h' ? (v < 1 || v > 12) : v > 11)
                        return -1;
                    hour12 = v % 12;
                    hour12_clock = 1;
                } else if (c == 'm')
                    minute = v;
                else
                    second = v;
                break;
            case 'D':
                if (count > 3 || dp_num(s, n, &i, count, count == 1 ? DP_ANY_WIDTH : 3, &doy) < 0)
                    return -1;
                break;
            case 'S': {
                /* Spark parses fractions of variable length: 1 to count digits. */
                uint32_t start = i;
                int64_t frac;
                int k = dp_num(s, n, &i, 1, count, &frac);
                if (k < 0)
                    return -1;
                micros = 0;
                for (int t = 0; t < 6; t++)
                    micros =
                        micros * 10 + ((uint32_t)t < i - start ? s[start + (uint32_t)t] - '0' : 0);
                break;
            }
            case 'a': {
                static const char *const ap[2] = {"AM", "PM"};
                if ((ampm = dp_name(s, n, &i, ap, 2, 1)) < 0)
                    return -1;
                break;
            }
            case 'E':
                if ((dow = dp_name(s, n, &i, days, 7, count >= 4)) < 0)
                    return -1;
                break;
            case 'G': {
                static const char *const era[1] = {"AD"};
                if (dp_name(s, n, &i, era, 1, 1) < 0)
                    return -1;
                break;
            }
            case 'X':
            case 'x':
            case 'Z':
            case 'O':
                if (dp_zone(s, n, &i, &off_s) < 0)
                    return -1;
                break;
            case 'z':
            case 'V':
                if (dp_zone_id(s, n, &i, region, &off_s, &zone_rules) < 0)
                    return -1;
                break;
            default:
                return -1; /* a pattern letter sluice does not parse */
            }
        } else if (c == '\'') {
            j++;
            if (j < fmt_n && fmt[j] == '\'') { /* '' is a quote */
                if (i >= n || s[i] != '\'')
                    return -1;
                i++;
                j++;
                continue;
            }
            while (j < fmt_n) {
                if (fmt[j] == '\'') {
                    if (j + 1 < fmt_n && fmt[j + 1] == '\'') {
                        if (i >= n || s[i] != '\'')
                            return -1;
                        i++;
                        j += 2;
                        continue;
                    }
                    j++;
                    break;
                }
                if (i >= n || dp_lower((unsigned char)s[i]) != dp_lower((unsigned char)fmt[j]))
                    return -1;
                i++;
                j++;
            }
        } else {
            if (i >= n || s[i] != c)
                return -1;
            i++;
            j++;
        }
    }
    if (i != n)
        return -1; /* unparsed text */
    if (doy >= 0) {
        int leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        if (doy < 1 || doy > 365 + leap)
            return -1;
        int64_t m = 1;
        while (doy > cm_days_in_month(year, m))
            doy -= cm_days_in_month(year, m++);
        month = m;
        day = doy;
    }
    if (month < 1 || month > 12 || day < 1 || day > cm_days_in_month(year, month))
        return -1;
    if (hour < 0) {
        hour = hour12_clock ? hour12 : 0;
        if (hour12_clock && ampm == 1)
            hour += 12;
    }
    if (hour > 23 || minute > 59 || second > 59)
        return -1;
    int64_t days_n = cm_days_from_civil(year, month, day);
    if (dow >= 0 && ((days_n + 3) % 7 + 7) % 7 != dow) /* 1970-01-01 was a Thursday */
        return -1;
    int64_t local_s = days_n * 86400 + hour * 3600 + minute * 60 + second;
    if (zone_rules) /* TimestampFormatter.parse: ZonedDateTime.of(local, the parsed zone) */
        off_s = cm_tz_local_offset(zone_rules, local_s, micros != 0);
    *local_s_out = local_s;
    *micros_out = micros;
    *off_out = off_s;
    return 0;
}
