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
#include "common/cm_zone_names.h"

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

static int dp_digit(const char *s, uint32_t n, uint32_t p)
{
    return p < n && s[p] >= '0' && s[p] <= '9';
}

/* s[p, p + len) equals t in any case (parseCaseInsensitive's subSequenceEquals). */
static int dp_ci_equal(const char *s, uint32_t n, uint32_t p, const char *t, size_t len)
{
    if (p + len > n)
        return 0;
    for (size_t k = 0; k < len; k++)
        if (dp_lower((unsigned char)s[p + k]) != dp_lower((unsigned char)t[k]))
            return 0;
    return 1;
}

/* OffsetIdPrinterParser.parseDigits: ':' first when colon, then two digits of at most 59;
   1 with *p past them, or 0. */
static int dp_offset_digits(const char *s, uint32_t n, uint32_t *p, int colon, int64_t *v)
{
    uint32_t q = *p;
    if (colon && (q >= n || s[q++] != ':'))
        return 0;
    if (!dp_digit(s, n, q) || !dp_digit(s, n, q + 1))
        return 0;
    int64_t x = (s[q] - '0') * 10 + (s[q + 1] - '0');
    if (x > 59)
        return 0;
    *v = x;
    *p = q + 2;
    return 1;
}

/* The offset types of OffsetIdPrinterParser.PATTERNS that patterns reach (X x Z, and z and VV's
   offsets). */
enum { DP_HHmm = 1, DP_HHMM = 3, DP_HH_MM = 4, DP_HHMMss = 5, DP_HH_MM_ss = 6 };

/* DateTimeFormatterBuilder.OffsetIdPrinterParser.parse, strict: the no-offset text zero (any
   case; NULL for none) is tried first, so x's "+00" reads the start of "+0030" and leaves
   "30"; then a sign and two digits of hours, minutes (optional for +HHmm; after ':' for the
   colon types), seconds when the type has them (optional). Hours above 23 throw
   (DateTimeException) and more than 18 hours fail ZoneOffset.ofTotalSeconds: no match. */
static int dp_offset_id(const char *s, uint32_t n, uint32_t *i, int type, const char *zero,
                        int64_t *off_s)
{
    uint32_t p = *i;
    size_t zn = zero ? strlen(zero) : 0;
    if (zn && dp_ci_equal(s, n, p, zero, zn)) {
        *off_s = 0;
        *i = p + (uint32_t)zn;
        return 0;
    }
    if (p >= n || (s[p] != '+' && s[p] != '-'))
        return -1;
    int neg = s[p++] == '-', colon = type == DP_HH_MM || type == DP_HH_MM_ss;
    int64_t hh, mm = 0, ss = 0;
    if (!dp_offset_digits(s, n, &p, 0, &hh))
        return -1;
    if (!dp_offset_digits(s, n, &p, colon, &mm) && type != DP_HHmm)
        return -1;
    if (type >= DP_HHMMss)
        dp_offset_digits(s, n, &p, colon, &ss);
    int64_t total = hh * 3600 + mm * 60 + ss;
    if (hh > 23 || total > 18 * 3600)
        return -1;
    *off_s = neg ? -total : total;
    *i = p;
    return 0;
}

/* ":" and two digits at s[*p] with room for them (LocalizedOffsetIdPrinterParser's
   "pos + 2 < end"): 1 with *p past them, or 0. */
static int dp_colon_pair(const char *s, uint32_t n, uint32_t *p, int64_t *v)
{
    uint32_t q = *p;
    if (q + 2 >= n || s[q] != ':' || !dp_digit(s, n, q + 1) || !dp_digit(s, n, q + 2))
        return 0;
    *v = (s[q + 1] - '0') * 10 + (s[q + 2] - '0');
    *p = q + 3;
    return 1;
}

/* LocalizedOffsetIdPrinterParser.parse (O: SHORT; OOOO and ZZZZ: FULL): "GMT" in any case,
   alone or before a sign; SHORT then one or two digits of hours and optionally ":mm" and
   then ":ss", FULL "HH:mm" and optionally ":ss".  Hours and minutes are not range-checked,
   only the total (ZoneOffset.ofTotalSeconds: at most 18 hours), so "GMT+5:75" is +06:15. */
static int dp_offset_gmt(const char *s, uint32_t n, uint32_t *i, int full, int64_t *off_s)
{
    uint32_t p = *i;
    if (!dp_ci_equal(s, n, p, "GMT", 3))
        return -1;
    p += 3;
    *off_s = 0;
    if (p >= n || (s[p] != '+' && s[p] != '-')) {
        *i = p;
        return 0;
    }
    int neg = s[p++] == '-';
    int64_t h, m = 0, sec = 0;
    if (full) { /* a digit missing runs past the text (an exception) or fails */
        if (!dp_digit(s, n, p) || !dp_digit(s, n, p + 1) || p + 2 >= n || s[p + 2] != ':' ||
            !dp_digit(s, n, p + 3) || !dp_digit(s, n, p + 4))
            return -1;
        h = (s[p] - '0') * 10 + (s[p + 1] - '0');
        m = (s[p + 3] - '0') * 10 + (s[p + 4] - '0');
        p += 5;
        dp_colon_pair(s, n, &p, &sec);
    } else {
        if (!dp_digit(s, n, p))
            return -1;
        h = s[p++] - '0';
        if (dp_digit(s, n, p))
            h = h * 10 + (s[p++] - '0');
        if (dp_colon_pair(s, n, &p, &m))
            dp_colon_pair(s, n, &p, &sec);
    }
    int64_t total = h * 3600 + m * 60 + sec;
    if (total > 18 * 3600)
        return -1;
    *off_s = neg ? -total : total;
    *i = p;
    return 0;
}

static int dp_upper(char c)
{
    return c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c;
}

/* The code point of the UTF-8 text at s[*p] (before n), *p past it; 0xFFFFFFFF for a byte
   that starts no valid sequence (it equals no key character). */
static uint32_t dp_code_point(const char *s, uint32_t n, uint32_t *p)
{
    const unsigned char *u = (const unsigned char *)s;
    uint32_t c = u[*p], len = c < 0x80                ? 1
                              : c >= 0xC2 && c < 0xE0 ? 2
                              : c >= 0xE0 && c < 0xF0 ? 3
                              : c >= 0xF0 && c < 0xF5 ? 4
                                                      : 0;
    if (len == 0 || *p + len > n) {
        (*p)++;
        return 0xFFFFFFFFu;
    }
    if (len > 1)
        c &= 0x3Fu >> (len - 1);
    for (uint32_t k = 1; k < len; k++) {
        if ((u[*p + k] & 0xC0) != 0x80) {
            (*p)++;
            return 0xFFFFFFFFu;
        }
        c = (c << 6) | (u[*p + k] & 0x3Fu);
    }
    *p += len;
    return c;
}

/* c as DateTimeParseContext.charEqualsIgnoreCase compares it with the characters of the zone
   names (ASCII, 'é', '’'): equal when Character.toUpperCase or toLowerCase of the two are;
   so the Kelvin sign is 'k', 'ſ' 's', 'İ' and 'ı' 'i'. */
static uint32_t dp_fold(uint32_t c)
{
    if ((c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7))
        return c + 32;
    return c == 0x212A ? 'k' : c == 0x17F ? 's' : c == 0x130 || c == 0x131 ? 'i' : c;
}

/* PrefixTree.CI.prefixOf: the key of node k at s[*p], *p past it; 0 when it differs. */
static int dp_tree_prefix(const CmZoneNameNode *k, const char *s, uint32_t n, uint32_t *p)
{
    uint32_t q = *p, kp = k->key_at, kend = k->key_at + k->key_n;
    while (kp < kend) {
        if (q >= n)
            return 0;
        uint32_t want = dp_code_point(cm_zone_keys, kend, &kp);
        if (dp_fold(dp_code_point(s, n, &q)) != dp_fold(want))
            return 0;
    }
    *p = q;
    return 1;
}

/* Java 17's PrefixTree.match(text, pos) from node k of tree t at s[*p]: the zone of the
   deepest node on the path the text takes that has one (the first child whose first
   character equals the text's is followed), *p past that node's key; -1 for none, -2 when
   the text does not start with k's key. */
static int dp_tree_match(const CmZoneNameNode *t, int k, const char *s, uint32_t n, uint32_t *p)
{
    uint32_t off = *p;
    if (!dp_tree_prefix(&t[k], s, n, &off))
        return -2;
    if (t[k].child >= 0 && off != n) {
        uint32_t q = off, c = dp_fold(dp_code_point(s, n, &q));
        for (int ch = t[k].child; ch >= 0; ch = t[ch].sibling) {
            if (dp_fold(t[ch].c0) != c)
                continue;
            uint32_t at = off;
            int found = dp_tree_match(t, ch, s, n, &at);
            if (found >= 0) {
                *p = at;
                return found;
            }
            break;
        }
    }
    *p = off;
    return t[k].zone;
}

/* DateTimeFormatterBuilder.ZoneIdPrinterParser.parse (pattern VV, and z's and zzzz's
   ZoneTextPrinterParser with names: the tree names of cm_zone_names.h, else NULL): an offset
   after '+' or '-' (dp_offset_id); "UTC", "UT" or "GMT" alone (also before '0' or 'Z') or
   before such an offset, "GMT0"; else VV the longest id of the tz database the text starts
   with (region: a region's rules into *rules, matched with its case as written), z and zzzz
   the id the tree maps the text to (PrefixTree.match: ids in any case, and the zone names
   such as "PST" or "Pacific Standard Time"); else "Z" (UTC).  The offset into *off_s. */
static int dp_zone_id(const char *s, uint32_t n, uint32_t *i, CmZoneRegion region,
                      const CmZoneNameNode *names, int64_t *off_s, const int64_t **rules)
{
    uint32_t p = *i;
    *off_s = 0;
    *rules = NULL;
    if (p >= n)
        return -1;
    if (s[p] == '+' || s[p] == '-')
        return dp_offset_id(s, n, i, DP_HH_MM_ss, NULL, off_s);
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
        if (q < n && s[q] != '0' && dp_upper(s[q]) != 'Z' &&
            dp_offset_id(s, n, &q, DP_HH_MM_ss, NULL, off_s) == 0)
            *i = q;
        return 0;
    }
    if (names) { /* ZoneId.of(the id the tree gives), whose rules the runtime has */
        uint32_t q = p;
        int zone = dp_tree_match(names, 0, s, n, &q);
        int32_t off;
        if (zone >= 0) {
            const char *id = cm_zone_ids[zone];
            if (!region || !region(id, (uint32_t)strlen(id), &off, rules))
                return -1;
            *off_s = off;
            *i = q;
            return 0;
        }
    }
    uint32_t end = p;
    while (!names && end < n && end - p < 40 && /* the longest tz id has 32 bytes */
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

/* The letter that starts the pattern token at fmt[j] (before end), or 0 when it is not a
   letter run. */
static char dp_next_letter(const char *fmt, uint32_t end, uint32_t j)
{
    if (j < end && ((fmt[j] >= 'a' && fmt[j] <= 'z') || (fmt[j] >= 'A' && fmt[j] <= 'Z')))
        return fmt[j];
    return 0;
}

/* What the pattern's fields read so far (java.time's Parsed): -1 for a field not read. */
typedef struct {
    int64_t year, month, day, doy, hour, hour12, minute, second, micros, off_s, yoe;
    const int64_t *rules; /* a region read by V or z */
    int ampm, dow, era;
} DpFields;

/* How the pattern is read: the zones the runtime knows, and whether the pattern has a G (then
   y is the year of the era: DateTimeFormatterHelper.convertIncompatiblePattern turns y into u
   only without one). */
typedef struct {
    CmZoneRegion region;
    int era_pattern;
} DpCtx;

static const char *const dp_months[12] = {"January",   "February", "March",    "April",
                                          "May",       "June",     "July",     "August",
                                          "September", "October",  "November", "December"};
static const char *const dp_days[7] = {"Monday", "Tuesday",  "Wednesday", "Thursday",
                                       "Friday", "Saturday", "Sunday"};

/* One hour-like field of `count` letters c (d H h k K m s) into f; -1 when it does not read. */
static int dp_small_field(const char *s, uint32_t n, uint32_t *i, char c, int count, int adjacent,
                          DpFields *f)
{
    int64_t v;
    if (count > 2 || dp_num(s, n, i, count, dp_width(count, adjacent), &v) < 0)
        return -1;
    switch (c) {
    case 'd':
        f->day = v;
        break;
    case 'H':
        f->hour = v;
        break;
    case 'k': /* CLOCK_HOUR_OF_DAY 1-24 */
        if (v < 1 || v > 24)
            return -1;
        f->hour = v % 24;
        break;
    case 'h': /* CLOCK_HOUR_OF_AMPM 1-12, HOUR_OF_AMPM 0-11 */
    case 'K':
        if (c == 'h' ? (v < 1 || v > 12) : v > 11)
            return -1;
        f->hour12 = v % 12;
        break;
    case 'm':
        f->minute = v;
        break;
    default:
        f->second = v;
        break;
    }
    return 0;
}

/* One run of `count` pattern letters c (DateTimeFormatterBuilder.parseField's parser) at
   s[*i] into f; -1 when the text does not match. */
static int dp_field(const char *s, uint32_t n, uint32_t *i, char c, int count, int adjacent,
                    const DpCtx *cx, DpFields *f)
{
    int64_t v;
    int k;
    switch (c) {
    case 'y':
    case 'u':
        if (count == 2) { /* appendValueReduced(field, 2, 2, 2000) */
            if (dp_num(s, n, i, 2, 2, &v) < 0)
                return -1;
            v += 2000;
        } else if (dp_year(s, n, i, count, adjacent, &v) < 0) {
            return -1;
        }
        if (c == 'y' && cx->era_pattern)
            f->yoe = v;
        else
            f->year = v;
        return 0;
    case 'M':
    case 'L': /* MMM/LLL TextStyle.SHORT, MMMM/LLLL FULL, Locale.US */
        if (count >= 3) {
            if ((k = dp_name(s, n, i, dp_months, 12, count >= 4)) < 0)
                return -1;
            f->month = k + 1;
            return 0;
        }
        return dp_num(s, n, i, count, dp_width(count, adjacent), &f->month) < 0 ? -1 : 0;
    case 'd':
    case 'H':
    case 'h':
    case 'k':
    case 'K':
    case 'm':
    case 's':
        return dp_small_field(s, n, i, c, count, adjacent, f);
    case 'D':
        if (count > 3 || dp_num(s, n, i, count, count == 1 ? DP_ANY_WIDTH : 3, &f->doy) < 0)
            return -1;
        return 0;
    case 'S': { /* Spark parses fractions of variable length: 1 to count digits */
        uint32_t start = *i;
        if (dp_num(s, n, i, 1, count, &v) < 0)
            return -1;
        f->micros = 0;
        for (uint32_t t = 0; t < 6; t++)
            f->micros = f->micros * 10 + (t < *i - start ? s[start + t] - '0' : 0);
        return 0;
    }
    case 'a': {
        static const char *const ap[2] = {"AM", "PM"};
        return (f->ampm = dp_name(s, n, i, ap, 2, 1)) < 0 ? -1 : 0;
    }
    case 'E':
        return (f->dow = dp_name(s, n, i, dp_days, 7, count >= 4)) < 0 ? -1 : 0;
    case 'G': { /* TextStyle.SHORT AD/BC, GGGG FULL */
        static const char *const short_era[2] = {"BC", "AD"};
        static const char *const full_era[2] = {"Before Christ", "Anno Domini"};
        return (f->era = dp_name(s, n, i, count == 4 ? full_era : short_era, 2, 1)) < 0 ? -1 : 0;
    }
    case 'X': /* PATTERNS[count + (count == 1 ? 0 : 1)], "Z" */
    case 'x': /* the same, no-offset text "+00", "+0000" or "+00:00" */
        if (count > 5)
            return -1;
        return dp_offset_id(s, n, i, count + (count == 1 ? 0 : 1),
                            c == 'X'         ? "Z"
                            : count == 1     ? "+00"
                            : count % 2 == 0 ? "+0000"
                                             : "+00:00",
                            &f->off_s);
    case 'Z':
        if (count <= 3)
            return dp_offset_id(s, n, i, DP_HHMM, "+0000", &f->off_s);
        if (count == 4)
            return dp_offset_gmt(s, n, i, 1, &f->off_s);
        return count == 5 ? dp_offset_id(s, n, i, DP_HH_MM_ss, "Z", &f->off_s) : -1;
    case 'O':
        return count == 1 || count == 4 ? dp_offset_gmt(s, n, i, count == 4, &f->off_s) : -1;
    case 'z': /* ZoneTextPrinterParser: z, zz, zzz TextStyle.SHORT, zzzz FULL */
        return dp_zone_id(s, n, i, cx->region, count == 4 ? cm_zone_full : cm_zone_short, &f->off_s,
                          &f->rules);
    case 'V':
        return dp_zone_id(s, n, i, cx->region, NULL, &f->off_s, &f->rules);
    default:
        return -1; /* a pattern letter sluice does not parse */
    }
}

/* The end of the optional section whose '[' is just before fmt[j] (the index of its ']', or
   end when it stays open: toFormatter closes it). */
static uint32_t dp_section_end(const char *fmt, uint32_t j, uint32_t end)
{
    int depth = 1, quoted = 0;
    for (; j < end; j++) {
        if (fmt[j] == '\'')
            quoted = !quoted;
        else if (!quoted && fmt[j] == '[')
            depth++;
        else if (!quoted && fmt[j] == ']' && --depth == 0)
            return j;
    }
    return end;
}

/* A quoted literal whose opening quote is just before fmt[*j] ('' inside is a quote), matched
   in any case at s[*i]; -1 when the text differs. */
static int dp_quoted(const char *s, uint32_t n, uint32_t *i, const char *fmt, uint32_t *j,
                     uint32_t end)
{
    if (*j < end && fmt[*j] == '\'') { /* '' is a quote */
        (*j)++;
        return *i < n && s[(*i)++] == '\'' ? 0 : -1;
    }
    while (*j < end) {
        if (fmt[*j] == '\'') {
            if (*j + 1 < end && fmt[*j + 1] == '\'') {
                if (*i >= n || s[*i] != '\'')
                    return -1;
                (*i)++;
                *j += 2;
                continue;
            }
            (*j)++;
            break;
        }
        if (*i >= n || dp_lower((unsigned char)s[*i]) != dp_lower((unsigned char)fmt[*j]))
            return -1;
        (*i)++;
        (*j)++;
    }
    return 0;
}

/* s[*i, n) read with the pattern fmt[j, end) into f (CompositePrinterParser.parse): an
   optional section [...] that does not match is skipped with nothing it read kept; -1 when
   the text does not match. */
static int dp_seq(const char *s, uint32_t n, uint32_t *i, const char *fmt, uint32_t j, uint32_t end,
                  const DpCtx *cx, DpFields *f)
{
    while (j < end) {
        char c = fmt[j];
        if (dp_next_letter(fmt, end, j)) {
            int count = 1;
            while (j + (uint32_t)count < end && fmt[j + (uint32_t)count] == c)
                count++;
            j += (uint32_t)count;
            /* A variable-width number followed directly by another number keeps its
               minimum width (Java's adjacent value parsing). */
            int adjacent = dp_is_numeric_letter(dp_next_letter(fmt, end, j));
            if (dp_field(s, n, i, c, count, adjacent, cx, f) < 0)
                return -1;
        } else if (c == '\'') {
            j++;
            if (dp_quoted(s, n, i, fmt, &j, end) < 0)
                return -1;
        } else if (c == '[') {
            uint32_t close = dp_section_end(fmt, j + 1, end), at = *i;
            DpFields g = *f;
            if (dp_seq(s, n, &at, fmt, j + 1, close, cx, &g) == 0) {
                *f = g;
                *i = at;
            }
            j = close < end ? close + 1 : end;
        } else if (c == ']') {
            return -1; /* "Pattern invalid as it contains ] without previous [" */
        } else {
            if (*i >= n || s[*i] != c)
                return -1;
            (*i)++;
            j++;
        }
    }
    return 0;
}

/* Whether fmt has a G outside quotes. */
static int dp_has_era(const char *fmt, uint32_t fmt_n)
{
    int quoted = 0;
    for (uint32_t k = 0; k < fmt_n; k++) {
        quoted ^= fmt[k] == '\'';
        if (!quoted && fmt[k] == 'G')
            return 1;
    }
    return 0;
}

/* The hour of day of what f read (Parsed's STRICT resolution of h/K with a, an a that
   contradicts H or k failing the cross-check; DateTimeFormatterHelper.toLocalTime: h or K
   alone is the hour, a PM alone 12); -1 when they conflict. */
static int64_t dp_hour(const DpFields *f)
{
    if (f->hour >= 0)
        return f->ampm >= 0 && f->ampm != f->hour / 12 ? -1 : f->hour;
    if (f->hour12 >= 0)
        return f->hour12 + (f->ampm > 0 ? 12 : 0);
    return f->ampm > 0 ? 12 : 0;
}

/* The year of what f read: y with an era resolves to the proleptic year (IsoChronology
   .resolveYearOfEra: BC is 1 - y, y below 1 fails); without one, STRICT keeps it a year of
   era, which toLocalDate does not read (1970). -1 for no valid year, as 0 can be one. */
static int dp_resolve_year(const DpFields *f, int64_t *year)
{
    *year = f->year;
    if (f->yoe == INT64_MIN)
        return 0;
    if (f->yoe < 1)
        return -1;
    if (f->era >= 0)
        *year = f->era == 1 ? f->yoe : 1 - f->yoe;
    return 0;
}

/* s[0, n) read with pattern fmt: the local date and time in *local_s and *micros, the
   offset of the zone it names (0 without one) in *off_s; 0, or -1 when it does not match. */
int cm_dt_parse(const char *s, uint32_t n, const char *fmt, uint32_t fmt_n, CmZoneRegion region,
                int64_t *local_s_out, int64_t *micros_out, int64_t *off_out)
{
    /* 1970-01-01 00:00, nothing else read: year month day doy hour hour12 minute second
       micros off_s yoe, rules, ampm dow era */
    DpFields f = {1970, 1, 1, -1, -1, -1, 0, 0, 0, 0, INT64_MIN, NULL, -1, -1, -1};
    DpCtx cx = {region, dp_has_era(fmt, fmt_n)};
    uint32_t i = 0;
    if (dp_seq(s, n, &i, fmt, 0, fmt_n, &cx, &f) < 0 || i != n)
        return -1; /* no match, or unparsed text */
    int64_t year, month = f.month, day = f.day, doy = f.doy;
    if (dp_resolve_year(&f, &year) < 0)
        return -1;
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
    int64_t hour = dp_hour(&f);
    if (hour < 0 || hour > 23 || f.minute > 59 || f.second > 59)
        return -1;
    int64_t days_n = cm_days_from_civil(year, month, day);
    if (f.dow >= 0 && ((days_n + 3) % 7 + 7) % 7 != f.dow) /* 1970-01-01 was a Thursday */
        return -1;
    int64_t local_s = days_n * 86400 + hour * 3600 + f.minute * 60 + f.second;
    int64_t off_s = f.off_s;
    if (f.rules) /* TimestampFormatter.parse: ZonedDateTime.of(local, the parsed zone) */
        off_s = cm_tz_local_offset(f.rules, local_s, f.micros != 0);
    *local_s_out = local_s;
    *micros_out = f.micros;
    *off_out = off_s;
    return 0;
}
