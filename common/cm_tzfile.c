/* cm_tzfile.c - reading region zones (cm_tz.h): zone ids as Spark's getZoneId reads them,
** TZif files (RFC 8536) and their POSIX TZ footer, into the table cm_tz.c reads.  The
** compiler reads the zones a query names; the runtime those found in data (srt_zone.c).
*/
#include "common/cm_tz.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "common/cm_time.h"

/* ==== POSIX TZ strings (RFC 8536 3.3, POSIX.1 8.3) ==== */

typedef struct {
    const char *p, *e;
} Cur;

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

static bool is_alpha(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* A zone abbreviation: three or more letters, or <...> of letters, digits, '+' and '-'. */
static bool posix_name(Cur *c)
{
    const char *b = c->p;
    if (c->p < c->e && *c->p == '<') {
        while (++c->p < c->e && *c->p != '>')
            if (!is_alpha(*c->p) && !is_digit(*c->p) && *c->p != '+' && *c->p != '-')
                return false;
        if (c->p == c->e || c->p - b < 4)
            return false;
        c->p++;
        return true;
    }
    while (c->p < c->e && is_alpha(*c->p))
        c->p++;
    return c->p - b >= 3;
}

static bool posix_num(Cur *c, int max, int64_t *v)
{
    if (c->p == c->e || !is_digit(*c->p))
        return false;
    *v = 0;
    while (c->p < c->e && is_digit(*c->p)) {
        *v = *v * 10 + (*c->p++ - '0');
        if (*v > max)
            return false;
    }
    return true;
}

/* [+|-]hh[:mm[:ss]], hours up to max_h: seconds. */
static bool posix_time(Cur *c, int max_h, int64_t *secs)
{
    int64_t sign = 1, h, m = 0, s = 0;
    if (c->p < c->e && (*c->p == '+' || *c->p == '-'))
        sign = *c->p++ == '-' ? -1 : 1;
    if (!posix_num(c, max_h, &h))
        return false;
    if (c->p < c->e && *c->p == ':') {
        c->p++;
        if (!posix_num(c, 59, &m))
            return false;
        if (c->p < c->e && *c->p == ':') {
            c->p++;
            if (!posix_num(c, 59, &s))
                return false;
        }
    }
    *secs = sign * (h * 3600 + m * 60 + s);
    return true;
}

/* ,date[/time]: r[0..3] the date (cm_tz.h), r[4] the time (02:00 by default). */
static bool posix_rule(Cur *c, int64_t *r)
{
    if (c->p == c->e || *c->p++ != ',')
        return false;
    r[1] = r[2] = r[3] = 0;
    if (c->p < c->e && *c->p == 'J') {
        c->p++;
        r[0] = CM_TZ_JULIAN1;
        if (!posix_num(c, 365, &r[1]) || r[1] < 1)
            return false;
    } else if (c->p < c->e && *c->p == 'M') {
        c->p++;
        r[0] = CM_TZ_MONTH;
        if (!posix_num(c, 12, &r[1]) || r[1] < 1 || c->p == c->e || *c->p++ != '.' ||
            !posix_num(c, 5, &r[2]) || r[2] < 1 || c->p == c->e || *c->p++ != '.' ||
            !posix_num(c, 6, &r[3]))
            return false;
    } else {
        r[0] = CM_TZ_JULIAN0;
        if (!posix_num(c, 365, &r[1]))
            return false;
    }
    r[4] = 2 * 3600;
    if (c->p < c->e && *c->p == '/') {
        c->p++;
        return posix_time(c, 167, &r[4]); /* RFC 8536's extension: -167..167 hours */
    }
    return true;
}

bool cm_tz_posix_parse(const char *s, size_t n, int64_t *z, int32_t *std_off)
{
    Cur c = {s, s + n};
    int64_t std, dst;
    /* Offsets are hours west; the table's are east. */
    if (!posix_name(&c) || !posix_time(&c, 24, &std))
        return false;
    *std_off = (int32_t)-std;
    z[CM_TZ_RULE] = 0;
    z[CM_TZ_STD] = z[CM_TZ_DST] = -std;
    if (c.p == c.e)
        return true;
    if (!posix_name(&c))
        return false;
    dst = std - 3600; /* one hour ahead of standard time unless given */
    if (c.p < c.e && *c.p != ',' && !posix_time(&c, 24, &dst))
        return false;
    /* zic always writes the rules; POSIX leaves their absence to the implementation. */
    if (!posix_rule(&c, z + CM_TZ_START) || !posix_rule(&c, z + CM_TZ_END) || c.p != c.e)
        return false;
    z[CM_TZ_RULE] = 1;
    z[CM_TZ_DST] = -dst;
    return true;
}

/* ==== TZif files (RFC 8536) ==== */

static int64_t be(const unsigned char *p, int bytes)
{
    uint64_t v = 0;
    for (int i = 0; i < bytes; i++)
        v = v << 8 | p[i];
    if (bytes == 4)
        return (int32_t)(uint32_t)v;
    return (int64_t)v;
}

/* The header's counts: isutcnt, isstdcnt, leapcnt, timecnt, typecnt, charcnt. */
static bool tzif_header(const unsigned char *b, size_t len, int64_t cnt[6])
{
    if (len < 44 || memcmp(b, "TZif", 4) != 0)
        return false;
    for (int i = 0; i < 6; i++)
        cnt[i] = (uint32_t)be(b + 20 + 4 * i, 4);
    return true;
}

static size_t tzif_data_len(const int64_t cnt[6], int tsize)
{
    return (size_t)(cnt[3] * tsize + cnt[3] + cnt[4] * 6 + cnt[5] + cnt[2] * (tsize + 4) + cnt[1] +
                    cnt[0]);
}

bool cm_tzif_parse(const unsigned char *buf, size_t len, int64_t **out, size_t *out_len)
{
    int64_t cnt[6];
    /* Skip the version 1 header and data; read the 64-bit ones that follow. */
    if (!tzif_header(buf, len, cnt) || buf[4] < '2')
        return false;
    size_t skip = 44 + tzif_data_len(cnt, 4);
    if (skip > len || !tzif_header(buf + skip, len - skip, cnt))
        return false;
    const unsigned char *d = buf + skip + 44;
    size_t dlen = tzif_data_len(cnt, 8);
    /* Leap-second files (right/...) count TAI seconds: not a zone Java knows. */
    if (cnt[2] != 0 || cnt[4] == 0 || dlen > len - skip - 44)
        return false;
    int64_t timecnt = cnt[3], typecnt = cnt[4];
    const unsigned char *times = d, *idx = d + timecnt * 8, *types = idx + timecnt;
    /* The footer: "\n" TZ string "\n" after the data. */
    const char *f = (const char *)d + dlen, *fe = (const char *)buf + len;
    if (f >= fe || *f != '\n')
        return false;
    const char *nl = memchr(f + 1, '\n', (size_t)(fe - f - 1));
    if (!nl)
        return false;
    int64_t *z = calloc(CM_TZ_LEN(timecnt), sizeof *z);
    if (!z)
        return false;
    int32_t std_off = 0;
    if (nl > f + 1 && !cm_tz_posix_parse(f + 1, (size_t)(nl - f - 1), z, &std_off)) {
        free(z);
        return false;
    }
    /* Transitions that change the offset (java.time keeps no others); time type 0 before
       the first (RFC 8536 3.2). */
    int64_t *at = z + CM_TZ_HEAD, n = 0;
    int64_t prev = be(types, 4);
    if (prev <= -89400 || prev >= 89400) {
        free(z);
        return false;
    }
    int64_t *offs = malloc((size_t)(timecnt + 1) * sizeof *offs);
    if (!offs) {
        free(z);
        return false;
    }
    offs[0] = prev;
    for (int64_t i = 0; i < timecnt; i++) {
        if (idx[i] >= typecnt) {
            free(z);
            free(offs);
            return false;
        }
        int64_t o = be(types + 6 * idx[i], 4), t = be(times + 8 * i, 8);
        /* zic's earliest ("big bang") is -2^59; offsets are below a day (RFC 8536 3.2) */
        if (t < -(INT64_C(1) << 60) || t > (INT64_C(1) << 60) || o <= -89400 || o >= 89400 ||
            (i > 0 && t <= be(times + 8 * (i - 1), 8))) {
            free(z);
            free(offs);
            return false;
        }
        if (o != prev) {
            at[n] = t;
            offs[++n] = o;
            prev = o;
        }
    }
    /* No transitions and no rule: the footer's offset (a slim file's only time type). */
    if (n == 0 && !z[CM_TZ_RULE] && nl > f + 1)
        offs[0] = std_off;
    memcpy(at + n, offs, (size_t)(n + 1) * sizeof *offs);
    free(offs);
    z[CM_TZ_N] = n;
    *out = z;
    *out_len = CM_TZ_LEN(n);
    return true;
}

/* ==== Zone ids: Spark's DateTimeUtils.getZoneId ==== */

/* ZoneId.SHORT_IDS (java.time.ZoneId), which getZoneId passes to ZoneId.of; EST, MST and HST
   are fixed offsets there, read by cm_zone_offset. */
static const char *const short_ids[][2] = {
    {"ACT", "Australia/Darwin"},
    {"AET", "Australia/Sydney"},
    {"AGT", "America/Argentina/Buenos_Aires"},
    {"ART", "Africa/Cairo"},
    {"AST", "America/Anchorage"},
    {"BET", "America/Sao_Paulo"},
    {"BST", "Asia/Dhaka"},
    {"CAT", "Africa/Harare"},
    {"CNT", "America/St_Johns"},
    {"CST", "America/Chicago"},
    {"CTT", "Asia/Shanghai"},
    {"EAT", "Africa/Addis_Ababa"},
    {"ECT", "Europe/Paris"},
    {"IET", "America/Indiana/Indianapolis"},
    {"IST", "Asia/Kolkata"},
    {"JST", "Asia/Tokyo"},
    {"MIT", "Pacific/Apia"},
    {"NET", "Asia/Yerevan"},
    {"NST", "Pacific/Auckland"},
    {"PLT", "Asia/Karachi"},
    {"PNT", "America/Phoenix"},
    {"PRT", "America/Puerto_Rico"},
    {"PST", "America/Los_Angeles"},
    {"SST", "Pacific/Guadalcanal"},
    {"VST", "Asia/Ho_Chi_Minh"},
};

/* ZoneRegion.checkName: [A-Za-z][A-Za-z0-9~/._+-]+ */
static bool region_name_ok(const char *s, size_t n)
{
    if (n < 2 || !is_alpha(s[0]))
        return false;
    for (size_t i = 1; i < n; i++)
        if (!is_alpha(s[i]) && !is_digit(s[i]) && !strchr("~/._+-", s[i]))
            return false;
    return true;
}

/* Whether id names a zone of Java's tz database rather than a file of the system's that
   Java has not (posix/ and right/ copies, posixrules, localtime, Factory, the ROC name that
   JDK's TzdbZoneRulesProvider excludes), another spelling of a file's path
   ("Europe//Paris", which the file system takes and Java's table of ids does not) or a path
   out of the directory. */
static bool region_file_ok(const char *id)
{
    static const char *const not_zones[] = {"posixrules", "localtime", "Factory", "ROC"};
    for (size_t i = 0; i < sizeof not_zones / sizeof not_zones[0]; i++)
        if (strcmp(id, not_zones[i]) == 0)
            return false;
    if (strncmp(id, "posix/", 6) == 0 || strncmp(id, "right/", 6) == 0)
        return false;
    for (const char *p = id; *p; p++) { /* no ".", ".." or empty component */
        if (*p == '.' && (p == id || p[-1] == '/') &&
            (p[1] == '/' || !p[1] || (p[1] == '.' && (p[2] == '/' || !p[2]))))
            return false;
        if (*p == '/' && (p[1] == '/' || !p[1]))
            return false;
    }
    return true;
}

const char *cm_tz_dir(void)
{
    const char *dir = getenv("TZDIR");
    return dir && *dir ? dir : "/usr/share/zoneinfo";
}

/* The TZif file of region id under the tz database directory, parsed; false if none
   (z->no_db: there is no such directory). */
static bool load_region(const char *id, CmZone *z)
{
    const char *dir = cm_tz_dir();
    char path[512];
    struct stat st;
    z->no_db = stat(dir, &st) != 0 || !S_ISDIR(st.st_mode);
    if (!region_file_ok(id) || (size_t)snprintf(path, sizeof path, "%s/%s", dir, id) >= sizeof path)
        return false;
    FILE *f = fopen(path, "rb");
    if (!f)
        return false;
    unsigned char *buf = NULL;
    size_t len = 0, cap = 0;
    for (;;) {
        if (len == cap) {
            unsigned char *nb = cap < (1u << 20) ? realloc(buf, cap = cap ? 2 * cap : 8192) : NULL;
            if (!nb)
                break;
            buf = nb;
        }
        size_t got = fread(buf + len, 1, cap - len, f);
        if (got == 0)
            break;
        len += got;
    }
    bool ok = !ferror(f) && buf && cm_tzif_parse(buf, len, &z->table, &z->len);
    fclose(f);
    free(buf);
    return ok;
}

/* java.time.ZoneOffset.of(id)'s DateTimeException message for an id it refuses (JDK 17:
   the length decides the form, parseNumber checks colons and digits, then the sign, then
   ofHoursMinutesSeconds' validate); "" if it takes the id. */
static void offset_error(const char *id, size_t n, char *msg, size_t cap)
{
    char b[12];
    int w = n > 100 ? 100 : (int)n;
    if (n == 2) { /* "+h" is read as "+0h" */
        b[0] = id[0], b[1] = '0', b[2] = id[1];
        id = b, n = 3, w = 3;
    }
    /* per length: where hours, minutes, seconds start; negative: after a ':'; -1: none */
    static const signed char pos[10][3] = {
        [3] = {1, -1, -1}, [5] = {1, 3, -1}, [6] = {1, -4, -1}, [7] = {1, 3, 5}, [9] = {1, -4, -7}};
    if (n >= 10 || pos[n][0] == 0) {
        snprintf(msg, cap, "Invalid ID for ZoneOffset, invalid format: %.*s", w, id);
        return;
    }
    int v[3] = {0, 0, 0};
    for (int k = 0; k < 3 && pos[n][k] != -1; k++) {
        int p = pos[n][k] < 0 ? -pos[n][k] : pos[n][k];
        if (pos[n][k] < 0 && id[p - 1] != ':') {
            snprintf(msg, cap, "Invalid ID for ZoneOffset, colon not found when expected: %.*s", w,
                     id);
            return;
        }
        if (!is_digit(id[p]) || !is_digit(id[p + 1])) {
            snprintf(msg, cap, "Invalid ID for ZoneOffset, non numeric characters found: %.*s", w,
                     id);
            return;
        }
        v[k] = (id[p] - '0') * 10 + (id[p + 1] - '0');
    }
    if (id[0] != '+' && id[0] != '-') {
        snprintf(msg, cap, "Invalid ID for ZoneOffset, plus/minus not found when expected: %.*s", w,
                 id);
        return;
    }
    /* validate: the parts share the sign, so only the ranges can fail */
    if (v[0] > 18)
        snprintf(msg, cap,
                 "Zone offset hours not in valid range: value %s%d is not in the range -18 to 18",
                 id[0] == '-' ? "-" : "", v[0]);
    else if (v[1] > 59)
        snprintf(msg, cap,
                 "Zone offset minutes not in valid range: value %s%d is not in the range -59 to 59",
                 id[0] == '-' ? "-" : "", v[1]);
    else if (v[2] > 59)
        snprintf(msg, cap,
                 "Zone offset seconds not in valid range: value %s%d is not in the range -59 to 59",
                 id[0] == '-' ? "-" : "", v[2]);
    else if (v[0] == 18 && (v[1] | v[2]) != 0)
        snprintf(msg, cap, "Zone offset not in valid range: -18:00 to +18:00");
    else
        msg[0] = '\0';
}

void cm_zone_resolve(const char *s0, size_t n0, CmZone *z)
{
    memset(z, 0, sizeof *z);
    if (cm_zone_offset(s0, n0, &z->off_s)) {
        z->kind = CM_ZONE_FIXED;
        return;
    }
    z->kind = CM_ZONE_INVALID;
    /* ZoneId.of sees the id after getZoneId's rewrites (cm_zone_spark_id). */
    char buf[128];
    size_t n;
    const char *s = buf;
    if (!cm_zone_spark_id(s0, n0, buf, sizeof buf, &n))
        s = s0, n = n0;
    int w = n > 100 ? 100 : (int)n;
    /* ZoneId.of: an offset (ZoneOffset.of), or UTC/GMT/UT with one ("offset-based"). */
    if (n <= 1 || s[0] == '+' || s[0] == '-') {
        offset_error(s, n, z->msg, sizeof z->msg);
        if (!z->msg[0])
            snprintf(z->msg, sizeof z->msg, "Invalid ID for ZoneOffset, invalid format: %.*s", w,
                     s);
        return;
    }
    bool prefix = (n > 3 && (memcmp(s, "UTC", 3) == 0 || memcmp(s, "GMT", 3) == 0) &&
                   (s[3] == '+' || s[3] == '-')) ||
                  (n > 2 && memcmp(s, "UT", 2) == 0 && (s[2] == '+' || s[2] == '-'));
    if (prefix) {
        snprintf(z->msg, sizeof z->msg, "Invalid ID for offset-based ZoneId: %.*s", w, s);
        return;
    }
    const char *id = NULL;
    for (size_t i = 0; i < sizeof short_ids / sizeof short_ids[0]; i++)
        if (strlen(short_ids[i][0]) == n && memcmp(short_ids[i][0], s, n) == 0)
            id = short_ids[i][1];
    if (!id) {
        if (!region_name_ok(s, n)) { /* ZoneRegion.ofId's DateTimeException */
            snprintf(z->msg, sizeof z->msg,
                     "Invalid ID for region-based ZoneId, invalid format: %.*s", w, s);
            return;
        }
        if (n >= sizeof z->region) {
            snprintf(z->msg, sizeof z->msg, "Unknown time-zone ID: %.*s", w, s);
            return;
        }
        memcpy(z->region, s, n);
        z->region[n] = '\0';
    } else {
        snprintf(z->region, sizeof z->region, "%s", id);
    }
    if (!load_region(z->region, z)) { /* ZoneRulesProvider.getRules' ZoneRulesException */
        snprintf(z->msg, sizeof z->msg, "Unknown time-zone ID: %s", z->region);
        return;
    }
    z->kind = CM_ZONE_RULES;
}

bool cm_zone_local_offset(const char *s, size_t n, bool instant, int64_t t, bool frac,
                          int32_t *off_s)
{
    CmZone z;
    cm_zone_resolve(s, n, &z);
    if (z.kind == CM_ZONE_FIXED)
        *off_s = z.off_s;
    else if (z.kind == CM_ZONE_RULES)
        *off_s = cm_tz_rules_offset(z.table, instant, t, frac);
    free(z.table);
    return z.kind != CM_ZONE_INVALID;
}
