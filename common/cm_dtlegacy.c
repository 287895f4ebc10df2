/* cm_dtlegacy.c - whether Spark 3.5's legacy parser accepts a text that its new parser
** rejected: java.text.SimpleDateFormat(pattern, Locale.US), setLenient(false), parse(String)
** (LegacySimpleTimestampFormatter with SIMPLE_DATE_FORMAT, the legacy formatter of
** to_timestamp, to_date, unix_timestamp and to_unix_timestamp with a pattern). Under the
** default spark.sql.legacy.timeParserPolicy = EXCEPTION,
** DateTimeFormatterHelper.checkParsedDiff fails the query when it does.
*/
#include "common/cm_dtparse.h"

#include <stdbool.h>
#include <stddef.h>
#include <string.h>

#include "common/cm_time.h"

/* The calendar fields a parse set (CalendarBuilder), in the order they were set (stamp):
   LG_DOW 0 for Monday .. 6 for Sunday, LG_ZONE the offset in minutes (ZONE_OFFSET), LG_ERA
   0 for BC, 1 for AD (LG_YEAR is then the year of that era). */
enum {
    LG_ERA,
    LG_YEAR,
    LG_MONTH,
    LG_DOM,
    LG_DOY,
    LG_HOD,
    LG_HOUR,
    LG_AMPM,
    LG_MIN,
    LG_SEC,
    LG_MS,
    LG_DOW,
    LG_ZONE,
    LG_N
};

typedef struct {
    int64_t v[LG_N];
    int stamp[LG_N]; /* 0: not set */
    int next;
} LgFields;

static void lg_set(LgFields *f, int field, int64_t v)
{
    f->v[field] = v;
    f->stamp[field] = ++f->next;
}

static int lg_lower(int c)
{
    return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

/* DecimalFormat.parse with parseIntegerOnly and no grouping (SimpleDateFormat's
   numberFormat) at s[*i, end): an optional '-', then digits; Number.intValue of the result
   (a Long keeps its low 32 bits, a Double, past Long's range, saturates). -1 when no digit.
   Not modelled: digits outside ASCII, which Java's Character.digit also reads, and an
   exponent ("1E2"), which DecimalFormat reads too. */
static int lg_number(const char *s, uint32_t end, uint32_t *i, int64_t *out)
{
    uint32_t p = *i;
    int neg = p < end && s[p] == '-';
    p += (uint32_t)neg;
    uint32_t d0 = p;
    unsigned __int128 x = 0;
    int big = 0;
    while (p < end && s[p] >= '0' && s[p] <= '9') {
        if (!big)
            x = x * 10 + (unsigned)(s[p] - '0');
        big |= x > (unsigned __int128)INT64_MAX + 1;
        p++;
    }
    if (p == d0)
        return -1;
    *i = p;
    if (big || (!neg && x > INT64_MAX)) { /* a Double */
        *out = neg ? INT32_MIN : INT32_MAX;
        return 0;
    }
    int64_t l = neg ? (int64_t)(0 - (uint64_t)x) : (int64_t)x;
    *out = (int32_t)(uint32_t)(uint64_t)l;
    return 0;
}

/* matchString: the longest of names (any case) at s[i]; its index with *len, or -1. */
static int lg_match(const char *s, uint32_t n, uint32_t i, const char *const *names, int count,
                    uint32_t *len)
{
    int best = -1;
    uint32_t best_len = 0;
    for (int k = 0; k < count; k++) {
        uint32_t l = (uint32_t)strlen(names[k]);
        if (l <= best_len || i + l > n)
            continue;
        uint32_t j = 0;
        while (j < l && lg_lower((unsigned char)s[i + j]) == lg_lower((unsigned char)names[k][j]))
            j++;
        if (j == l) {
            best = k;
            best_len = l;
        }
    }
    *len = best_len;
    return best;
}

static const char *const lg_weekdays[14] = {
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
    "Mon",    "Tue",     "Wed",       "Thu",      "Fri",    "Sat",      "Sun"};

/* ERA: getDisplayNamesMap(ERA, Locale.US), the SHORT and LONG names (not the NARROW "B" and
   "A"), index % 2 the era (SimpleDateFormat.subParse reads them whatever the count). */
static const char *const lg_eras[4] = {"BC", "AD", "Before Christ", "Anno Domini"};

static int lg_digit(const char *s, uint32_t n, uint32_t p)
{
    return p < n && s[p] >= '0' && s[p] <= '9';
}

/* SimpleDateFormat.subParseNumericZone at s[p] (just past the sign): hours of two digits, or
   one before ':' when colon and count is 0; then, unless count is 1, minutes (after ':' when
   colon) of two digits; hours at most 23, minutes 59.  The end, or 0. */
static uint32_t lg_numeric_zone(const char *s, uint32_t n, uint32_t p, int sign, int count,
                                int colon, LgFields *f)
{
    if (!lg_digit(s, n, p))
        return 0;
    int64_t hours = s[p++] - '0', minutes = 0;
    if (lg_digit(s, n, p))
        hours = hours * 10 + (s[p++] - '0');
    else if (count > 0 || !colon || p >= n)
        return 0;
    if (hours > 23)
        return 0;
    if (count != 1) {
        if (colon && (p >= n || s[p++] != ':'))
            return 0;
        if (!lg_digit(s, n, p) || !lg_digit(s, n, p + 1))
            return 0;
        minutes = (s[p] - '0') * 10 + (s[p + 1] - '0');
        p += 2;
        if (minutes > 59)
            return 0;
    }
    lg_set(f, LG_ZONE, sign * (hours * 60 + minutes));
    return p;
}

/* SimpleDateFormat.subParse of z or Z at s[p] (spaces skipped; start before them): a sign and
   "hhmm" (RFC 822); "GMT" in any case at start, alone or with a sign and "h:mm"/"hh:mm".  A
   zone name (subParseZoneString: the names of DateFormatSymbols.getZoneStrings) is not
   modelled and counts as rejected.  The end, or 0. */
static uint32_t lg_zone_value(const char *s, uint32_t n, uint32_t start, uint32_t p, LgFields *f)
{
    if (s[p] == '+' || s[p] == '-')
        return lg_numeric_zone(s, n, p + 1, s[p] == '+' ? 1 : -1, 0, 0, f);
    if (start + 3 > n || lg_lower((unsigned char)s[start]) != 'g' ||
        lg_lower((unsigned char)s[start + 1]) != 'm' ||
        lg_lower((unsigned char)s[start + 2]) != 't')
        return 0;
    p = start + 3;
    if (p < n && (s[p] == '+' || s[p] == '-'))
        return lg_numeric_zone(s, n, p + 1, s[p] == '+' ? 1 : -1, 0, 1, f);
    lg_set(f, LG_ZONE, 0);
    return p;
}

/* SimpleDateFormat.subParse of `count` X at s[p] (spaces skipped): "Z", or a sign and hh (X),
   hhmm (XX), hh:mm (XXX).  The end, or 0. */
static uint32_t lg_iso_zone(const char *s, uint32_t n, uint32_t p, int count, LgFields *f)
{
    if (s[p] == 'Z') {
        lg_set(f, LG_ZONE, 0);
        return p + 1;
    }
    if (s[p] != '+' && s[p] != '-')
        return 0;
    return lg_numeric_zone(s, n, p + 1, s[p] == '+' ? 1 : -1, count, count == 3, f);
}

static const char *const lg_months[24] = {
    "January",   "February", "March",    "April",    "May", "June", "July", "August",
    "September", "October",  "November", "December", "Jan", "Feb",  "Mar",  "Apr",
    "May",       "Jun",      "Jul",      "Aug",      "Sep", "Oct",  "Nov",  "Dec"};

/* SimpleDateFormat.subParse of `count` letters c at s[*i]: spaces and tabs before a number
   are skipped; obey (the next pattern element is a field, not a literal) reads at most
   `count` characters from where the field starts.  0, or -1 when it does not match. */
static int lg_field(const char *s, uint32_t n, uint32_t *i, char c, int count, int obey,
                    LgFields *f)
{
    uint32_t start = *i, p = *i, len;
    while (p < n && (s[p] == ' ' || s[p] == '\t'))
        p++;
    if (p >= n)
        return -1;
    if (c == 'a') { /* AM_PM: "AM" / "PM", any case, at the field's start */
        static const char *const ap[2] = {"AM", "PM"};
        int k = lg_match(s, n, start, ap, 2, &len);
        if (k < 0)
            return -1;
        lg_set(f, LG_AMPM, k);
        *i = start + len;
        return 0;
    }
    if (c == 'G') { /* ERA: the longest name, any case, at the field's start */
        int k = lg_match(s, n, start, lg_eras, 4, &len);
        if (k < 0)
            return -1;
        lg_set(f, LG_ERA, k % 2);
        *i = start + len;
        return 0;
    }
    if (c == 'E') { /* DAY_OF_WEEK: the full names first, then the short ones */
        int k = lg_match(s, n, start, lg_weekdays, 14, &len);
        if (k < 0)
            return -1;
        lg_set(f, LG_DOW, k % 7);
        *i = start + len;
        return 0;
    }
    if (c == 'z' || c == 'Z' || c == 'X') {
        uint32_t end = c == 'X' ? lg_iso_zone(s, n, p, count, f) : lg_zone_value(s, n, start, p, f);
        if (end == 0)
            return -1;
        *i = end;
        return 0;
    }
    if ((c == 'M' || c == 'L') && count >= 3) { /* full names first, then the short ones */
        int k = lg_match(s, n, start, lg_months, 24, &len);
        if (k < 0)
            return -1;
        lg_set(f, LG_MONTH, k % 12);
        *i = start + len;
        return 0;
    }
    uint32_t end = obey ? start + (uint32_t)count : n;
    if (end > n)
        return -1;
    uint32_t digits_at = p;
    int64_t v;
    if (lg_number(s, end, &p, &v) < 0)
        return -1;
    switch (c) {
    case 'y': /* two digits under y or yy: the century of the 2-digit-year window (now - 80
                 years), whose leap years are those of 2000 + yy for a clock in 1981..2079 */
        if (count <= 2 && p - digits_at == 2 && s[digits_at] != '-')
            v += 2000;
        lg_set(f, LG_YEAR, v);
        break;
    case 'M':
    case 'L':
        lg_set(f, LG_MONTH, v - 1);
        break;
    case 'd':
        lg_set(f, LG_DOM, v);
        break;
    case 'D':
        lg_set(f, LG_DOY, v);
        break;
    case 'k': /* 24 is 0 */
        lg_set(f, LG_HOD, v == 24 ? 0 : v);
        break;
    case 'H':
        lg_set(f, LG_HOD, v);
        break;
    case 'h': /* 12 is 0 */
        lg_set(f, LG_HOUR, v == 12 ? 0 : v);
        break;
    case 'K':
        lg_set(f, LG_HOUR, v);
        break;
    case 'm':
        lg_set(f, LG_MIN, v);
        break;
    case 's':
        lg_set(f, LG_SEC, v);
        break;
    default: /* 'S' */
        lg_set(f, LG_MS, v);
        break;
    }
    *i = p;
    return 0;
}

/* The pattern letters SimpleDateFormat knows ("GyMdkHmsSEDFwWahKzZYuXL"); another letter
   makes its constructor throw, so nothing parses. */
static int lg_known_letter(char c)
{
    return strchr("GyMdkHmsSEDFwWahKzZYuXL", c) != NULL;
}

/* The letters modelled here; a pattern with another one (u, F, w, W, Y, ...) counts as
   rejected (documented in docs/language.md). */
static int lg_modelled_letter(char c)
{
    return strchr("GyMLdDHhkKmsSaEzZX", c) != NULL;
}

static int lg_is_letter(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* A quoted literal of the pattern at fmt[*j] (just past its quote): its text into lit
   ('' a quote), *j past the closing quote.  Its length, or -1 when the quote is not
   closed (SimpleDateFormat.compile: "Unterminated quote"). */
static int lg_quoted(const char *fmt, uint32_t fmt_n, uint32_t *j, char *lit, int cap)
{
    int k = 0;
    if (*j < fmt_n && fmt[*j] == '\'') { /* '' */
        (*j)++;
        lit[k++] = '\'';
        return k;
    }
    while (*j < fmt_n) {
        if (fmt[*j] == '\'') {
            if (*j + 1 < fmt_n && fmt[*j + 1] == '\'') {
                if (k < cap)
                    lit[k++] = '\'';
                *j += 2;
                continue;
            }
            (*j)++;
            return k;
        }
        if (k < cap)
            lit[k++] = fmt[*j];
        (*j)++;
    }
    return -1;
}

/* Whether the pattern element at fmt[j] is a field (letters), so the field before it obeys
   its count (SimpleDateFormat.parse: the next compiled tag is no quoted literal). */
static int lg_next_is_field(const char *fmt, uint32_t fmt_n, uint32_t j)
{
    return j < fmt_n && lg_is_letter(fmt[j]);
}

/* The hybrid Julian/Gregorian calendar of GregorianCalendar: Julian leap years before
   1582, and 1582-10-05..14 missing. */
static int lg_leap(int64_t y)
{
    return y < 1582 ? y % 4 == 0 : (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int lg_month_len(int64_t y, int m)
{
    static const int len[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return len[m - 1] + (m == 2 && lg_leap(y));
}

static int lg_missing_day(int64_t y, int m, int64_t d)
{
    return y == 1582 && m == 10 && d >= 5 && d <= 14;
}

static int64_t lg_floor_div(int64_t a, int64_t b)
{
    return a / b - (a % b != 0 && (a < 0) != (b < 0));
}

/* The day of the week (0 Monday .. 6 Sunday) of y-m-d (y proleptic: 0 is 1 BC) in the hybrid
   calendar: the Julian day number of the Julian date before 1582-10-15, of the Gregorian one
   from then on (floor divisions: a year before 4800 BC gives a negative one). */
static int lg_weekday(int64_t y, int m, int64_t d)
{
    int64_t a = (14 - m) / 12, yy = y + 4800 - a, mm = m + 12 * a - 3;
    int64_t jdn = d + (153 * mm + 2) / 5 + 365 * yy + lg_floor_div(yy, 4);
    bool julian = y < 1582 || (y == 1582 && (m < 10 || (m == 10 && d < 15)));
    jdn += julian ? -32083 : -yy / 100 + yy / 400 - 32045;
    return (int)(((jdn % 7) + 7) % 7);
}

/* Non-lenient GregorianCalendar.computeTime: each field set within its range, then the
   date and time the fields resolve to (the later of DAY_OF_MONTH and DAY_OF_YEAR; the later
   of HOUR_OF_DAY and HOUR with AM_PM) must give back every field that was set. */
static int lg_valid(const LgFields *f)
{
    /* ZONE_OFFSET's range is -13..+14 hours (GregorianCalendar's MIN_VALUES, MAX_VALUES) */
    static const int64_t lo[LG_N] = {0, 1, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0, -13 * 60};
    static const int64_t hi[LG_N] = {1, 292278994, 11, 31, 366, 23, 11, 1, 59, 59, 999, 6, 14 * 60};
    for (int k = 0; k < LG_N; k++)
        if (f->stamp[k] && (f->v[k] < lo[k] || f->v[k] > hi[k]))
            return 0;
    int64_t y = f->stamp[LG_YEAR] ? f->v[LG_YEAR] : 1970;
    if (f->stamp[LG_ERA] && f->v[LG_ERA] == 0) { /* BC: year 1 - y; the time's range (a long
                                                    of milliseconds) ends in 292269055 BC */
        if (y > 292269054)
            return 0;
        y = 1 - y;
    }
    int month = f->stamp[LG_MONTH] ? (int)f->v[LG_MONTH] + 1 : 1;
    int64_t day = f->stamp[LG_DOM] ? f->v[LG_DOM] : 1;
    if (f->stamp[LG_DOY] && f->stamp[LG_DOY] > f->stamp[LG_DOM]) {
        int64_t doy = f->v[LG_DOY];
        if (doy > (y == 1582 ? 355 : 365 + lg_leap(y)))
            return 0;
        if (y == 1582 && doy >= 278) /* the ten days dropped in October 1582 */
            doy += 10;
        for (month = 1; doy > lg_month_len(y, month); month++)
            doy -= lg_month_len(y, month);
        day = doy;
        if ((f->stamp[LG_MONTH] && month != f->v[LG_MONTH] + 1) ||
            (f->stamp[LG_DOM] && day != f->v[LG_DOM]))
            return 0;
    } else {
        if (day > lg_month_len(y, month) || lg_missing_day(y, month, day))
            return 0;
        if (f->stamp[LG_DOY]) {
            int64_t doy = day;
            for (int m = 1; m < month; m++)
                doy += lg_month_len(y, m);
            if (y == 1582 && (month > 10 || (month == 10 && day > 14)))
                doy -= 10;
            if (doy != f->v[LG_DOY])
                return 0;
        }
    }
    /* DAY_OF_WEEK decides no date when a day of the month or year is set (Calendar
       .selectFields), but must be the date's; alone it picks the month's first such day */
    if (f->stamp[LG_DOW] && (f->stamp[LG_DOM] || f->stamp[LG_DOY]) &&
        lg_weekday(y, month, day) != f->v[LG_DOW])
        return 0;
    /* alone in October 1582, a Friday, Saturday or Sunday is the 5th, 6th or 7th of the Julian
       month, days that do not exist (GregorianCalendar.computeTime's cutover year) */
    if (f->stamp[LG_DOW] && !f->stamp[LG_DOM] && !f->stamp[LG_DOY] && y == 1582 && month == 10 &&
        f->v[LG_DOW] >= 4)
        return 0;
    int hs = f->stamp[LG_HOUR], as = f->stamp[LG_AMPM], group = hs && as ? (hs > as ? hs : as) : 0;
    int64_t hod;
    if (f->stamp[LG_HOD] && group <= f->stamp[LG_HOD])
        hod = f->v[LG_HOD];
    else
        hod = (hs ? f->v[LG_HOUR] : 0) + (as ? 12 * f->v[LG_AMPM] : 0);
    return (!f->stamp[LG_HOD] || f->v[LG_HOD] == hod) && (!hs || f->v[LG_HOUR] == hod % 12) &&
           (!as || f->v[LG_AMPM] == hod / 12);
}

int cm_dt_legacy_accepts(const char *s, uint32_t n, const char *fmt, uint32_t fmt_n)
{
    LgFields f;
    memset(&f, 0, sizeof f);
    uint32_t i = 0, j = 0;
    char lit[256];
    while (j < fmt_n) {
        char c = fmt[j];
        if (lg_is_letter(c)) {
            int count = 1;
            while (j + (uint32_t)count < fmt_n && fmt[j + (uint32_t)count] == c)
                count++;
            j += (uint32_t)count;
            if (!lg_known_letter(c) || !lg_modelled_letter(c) || (c == 'X' && count > 3))
                return 0; /* XXXX: the constructor's "invalid ISO 8601 format" */
            if (lg_field(s, n, &i, c, count, lg_next_is_field(fmt, fmt_n, j), &f) < 0)
                return 0;
        } else if (c == '\'') {
            j++;
            int k = lg_quoted(fmt, fmt_n, &j, lit, (int)sizeof lit);
            if (k < 0 || k > (int)sizeof lit || i + (uint32_t)k > n ||
                memcmp(s + i, lit, (size_t)k))
                return 0;
            i += (uint32_t)k;
        } else {
            if (i >= n || s[i] != c) /* a literal matches exactly */
                return 0;
            i++;
            j++;
        }
    }
    /* DateFormat.parse(String): text after what the pattern read is ignored; nothing read
       (index 0) is a ParseException */
    return i > 0 && lg_valid(&f);
}
